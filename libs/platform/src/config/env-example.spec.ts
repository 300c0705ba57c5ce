import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configVariables, loadConfig } from './app-config';

/** `NAME=value` or `# NAME=` lines of .env.example, and whether a comment line says what their block is. */
const readExample = () => {
  const lines = readFileSync(join(__dirname, '../../../../.env.example'), 'utf8').split('\n');
  const entries: { name: string; value: string; commented: boolean; explained: boolean }[] = [];
  let explained = false;
  for (const line of lines) {
    const m = /^(#\s?)?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (m) entries.push({ name: m[2], value: m[3], commented: Boolean(m[1]), explained });
    else if (line.trim() === '') explained = false;
    else if (line.startsWith('#')) explained = true;
  }
  return entries;
};

/**
 * .env.example is the operator's list of every setting: a variable the configuration schema
 * learns must be added there, with its default and a comment, or this fails.
 */
describe('.env.example', () => {
  const example = readExample();
  const known = configVariables();

  it('lists every variable the configuration knows', () => {
    const listed = new Set(example.map((e) => e.name));
    expect(known.map((v) => v.name).filter((n) => !listed.has(n))).toEqual([]);
  });

  it('lists nothing the configuration does not know, and each variable once', () => {
    const names = new Set(known.map((v) => v.name));
    expect(example.map((e) => e.name).filter((n) => !names.has(n))).toEqual([]);
    expect(example.map((e) => e.name).filter((n, i, all) => all.indexOf(n) !== i)).toEqual([]);
  });

  it('gives each set variable its default, and leaves unset only those without a plain one', () => {
    const defaults = new Map(known.map((v) => [v.name, v]));
    for (const e of example) {
      const d = defaults.get(e.name);
      if (!d) continue;
      if (!e.commented && 'default' in d) expect(`${e.name}=${e.value}`).toBe(`${e.name}=${String(d.default)}`);
      if (e.commented)
        expect(`${e.name} has a plain default: ${'default' in d}`).toBe(`${e.name} has a plain default: false`);
    }
  });

  it('says in a comment what each variable is for', () => {
    expect(example.filter((e) => !e.explained).map((e) => e.name)).toEqual([]);
  });

  it('is a valid environment as it stands', () => {
    const env = Object.fromEntries(example.filter((e) => !e.commented).map((e) => [e.name, e.value]));
    expect(() => loadConfig(env)).not.toThrow();
  });
});
