import fc from 'fast-check';
import { csvCell, csvLine } from './csv';

/** Reads one RFC 4180 line back into its cells. */
const parseLine = (line: string): string[] => {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (line[i] === '"') {
      for (i++; ; i++) {
        if (line[i] === '"' && line[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (line[i] === '"') {
          i++;
          break;
        } else cell += line[i];
      }
    } else {
      while (i < line.length && line[i] !== ',' && line[i] !== '\n') cell += line[i++];
    }
    cells.push(cell);
    if (line[i] !== ',') return cells;
    i++;
  }
};

describe('CSV cells', () => {
  it.each([
    ["=2+5+cmd|' /C calc'!A0", `"'=2+5+cmd|' /C calc'!A0"`],
    ['+1', `"'+1"`],
    ['-1', `"'-1"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tx', `"'\tx"`],
    ['\rx', `"'\rx"`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
  ])('neutralises %j as a formula: %s', (given, cell) => {
    expect(csvCell(given)).toBe(cell);
  });

  it('leaves other text as it is, quoted only where RFC 4180 needs it', () => {
    expect(csvCell('Hội nghị')).toBe('Hội nghị');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(null)).toBe('');
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
    expect(csvCell(12)).toBe('12');
  });

  it("never starts a cell's text with a formula character, and reads back as the text with at most a quote before it (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }), (cells) => {
        const read = parseLine(csvLine(cells).replace(/\n$/, ''));
        expect(read).toHaveLength(cells.length);
        read.forEach((r, i) => {
          expect(r).toMatch(/^[^=+\-@\t\r]|^$/);
          expect(r === cells[i] || r === `'${cells[i]}`).toBe(true);
        });
      }),
    );
  });
});
