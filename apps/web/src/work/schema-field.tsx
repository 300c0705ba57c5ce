import { createContext, useContext } from 'react';
import type { ApiProblem } from '../shared/api-client';
import { formatDay, formatMoney } from '../shared/format';
import { fill, useLang, useMessages } from '../shared/i18n';
import { fieldLabels, sentenceVi } from './field-labels.messages';
import { chosenVariant, emptyValue, type FormValue, getAt, isAbout, pathName, type Segment } from './form-values';
import { type JsonSchema, shapeOf, unwrapNullable } from './openapi-schemas';
import { workMessages } from './work.messages';

/** What every field of one generated form shares. */
export interface FormContext {
  values: FormValue;
  set: (path: Segment[], v: FormValue) => void;
  problem: ApiProblem | null;
  idBase: string;
  /** Text fields shown as a choice among these (the unit's obligations, by field name). */
  selects: Record<string, { value: string; label: string }[]>;
}
export const SchemaFormContext = createContext<FormContext | null>(null);

const useForm = () => {
  const c = useContext(SchemaFormContext);
  if (!c) throw new Error('SchemaField outside a SchemaForm');
  return c;
};

const humanise = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/-/g, ' ');

/** One field of a request body, drawn from its schema; groups and lists draw their parts. */
export const SchemaField = ({
  schema: raw,
  path,
  required,
}: {
  schema: JsonSchema;
  path: Segment[];
  required: boolean;
}) => {
  const f = useForm();
  const m = useMessages(workMessages);
  const labels = useMessages(fieldLabels) as Record<string, string>;
  const { lang } = useLang();
  const { schema } = unwrapNullable(raw);
  const shape = shapeOf(schema);
  const last = path[path.length - 1];
  const name = pathName(path);
  const id = `${f.idBase}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const parent = path.length > 1 ? path[path.length - 2] : null;
  const label =
    typeof last === 'number'
      ? fill(m.item, { n: last + 1 })
      : (labels[`${parent}.${last}`] ?? labels[last] ?? schema.title ?? humanise(last));
  const value = getAt(f.values, path);
  const errors = (f.problem?.errorsFor(name) ?? []).filter((e) => isAbout(e, name));
  const said = (e: string) => {
    const predicate = e.startsWith(`${name} `) ? e.slice(name.length + 1) : e;
    return lang === 'vi' ? sentenceVi(predicate) : predicate;
  };
  /** A choice's words: those of this field's choices first (`opt.kind.other`), then the common ones. */
  const optionLabel = (o: string, field: Segment = last) =>
    labels[`opt.${field}.${o}`] ?? labels[`opt.${o}`] ?? labels[o] ?? o;
  const errorId = errors.length ? `${id}-error` : undefined;
  const errorBlock = errors.length ? (
    <p className="error" id={errorId}>
      {errors.map(said).join(' ')}
    </p>
  ) : null;
  const mark = required ? (
    <span className="req" aria-hidden="true">
      {' '}
      *
    </span>
  ) : null;
  const srRequired = required ? <span className="visually-hidden"> ({m.required})</span> : null;
  const optionalGroup = !required && path.length > 0 ? <span className="sub-inline"> {m.optional}</span> : null;

  if (shape.kind === 'object' || shape.kind === 'variants') {
    const target = shape.kind === 'variants' ? chosenVariant(shape.variants, shape.key, value) : schema;
    const req = target.required ?? [];
    const parts = Object.entries(target.properties ?? {}).filter(
      ([k, p]) => !(shape.kind === 'variants' && k === shape.key) && p.const === undefined,
    );
    return (
      <fieldset className={`group${errors.length ? ' invalid' : ''}`} aria-describedby={errorId}>
        <legend>
          {label}
          {mark}
          {srRequired}
          {optionalGroup}
        </legend>
        {shape.kind === 'variants' && (
          <div className="field">
            <label htmlFor={`${id}-variant`}>{labels[shape.key] ?? shape.key}</label>
            <select
              id={`${id}-variant`}
              value={String(getAt(value, [shape.key]) ?? '')}
              onChange={(e) => {
                const next = chosenVariant(shape.variants, shape.key, { [shape.key]: e.target.value });
                f.set(path, { ...(emptyValue(next) as Record<string, FormValue>), [shape.key]: e.target.value });
              }}
            >
              {shape.variants.map((v) => {
                const c = String(v.properties?.[shape.key]?.const);
                return (
                  <option key={c} value={c}>
                    {optionLabel(c, shape.key)}
                  </option>
                );
              })}
            </select>
          </div>
        )}
        <div className={parts.length > 4 && parts.every(([, p]) => p.type === 'integer') ? 'counts' : undefined}>
          {parts.map(([k, p]) => (
            <SchemaField key={k} schema={p} path={[...path, k]} required={req.includes(k)} />
          ))}
        </div>
        {errorBlock}
      </fieldset>
    );
  }

  if (shape.kind === 'list') {
    const items = Array.isArray(value) ? (value as FormValue[]) : [];
    return (
      <fieldset className={`group${errors.length ? ' invalid' : ''}`} aria-describedby={errorId}>
        <legend>
          {label}
          {mark}
          {srRequired}
        </legend>
        {items.map((_, i) => (
          <div className="list-item" key={i}>
            <SchemaField schema={shape.item} path={[...path, i]} required />
            <button
              type="button"
              onClick={() =>
                f.set(
                  path,
                  items.filter((__, j) => j !== i),
                )
              }
            >
              {fill(m.remove, { n: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => f.set(path, [...items, emptyValue(shape.item)])}>
          {m.add}: {label}
        </button>
        {errorBlock}
      </fieldset>
    );
  }

  if (shape.kind === 'choices') {
    const chosen = Array.isArray(value) ? (value as string[]) : [];
    return (
      <fieldset className={`group${errors.length ? ' invalid' : ''}`} aria-describedby={errorId}>
        <legend>
          {label}
          {mark}
          {srRequired}
        </legend>
        <div className="checks">
          {shape.options.map((o) => (
            <label key={o} className="check">
              <input
                type="checkbox"
                checked={chosen.includes(o)}
                onChange={(e) => f.set(path, e.target.checked ? [...chosen, o] : chosen.filter((x) => x !== o))}
              />{' '}
              {optionLabel(o)}
            </label>
          ))}
        </div>
        {errorBlock}
      </fieldset>
    );
  }

  if (shape.kind === 'boolean')
    return (
      <div className={`field${errors.length ? ' invalid' : ''}`}>
        <label className="check">
          <input
            type="checkbox"
            id={id}
            checked={value === true}
            aria-invalid={errors.length ? true : undefined}
            aria-describedby={errorId}
            onChange={(e) => f.set(path, e.target.checked)}
          />{' '}
          {label}
        </label>
        {errorBlock}
      </div>
    );

  const text = typeof value === 'string' ? value : '';
  const hints: string[] = [];
  if (shape.kind === 'number' && shape.money && text.trim() !== '' && Number.isFinite(Number(text)))
    hints.push(formatMoney(Number(text), lang));
  if (shape.kind === 'lines') hints.push(m.onePerLine);
  if (shape.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(text)) hints.push(formatDay(text));
  if (shape.kind === 'instant') hints.push(lang === 'vi' ? 'Giờ Việt Nam (UTC+7)' : 'Vietnam time (UTC+7)');
  if (lang === 'en' && schema.description && !['date', 'choice'].includes(shape.kind)) hints.push(schema.description);
  const hintId = hints.length ? `${id}-hint` : undefined;
  const common = {
    id,
    'aria-invalid': errors.length ? true : undefined,
    'aria-required': required || undefined,
    'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined,
  } as const;
  const choices = shape.kind === 'choice' ? shape.options.map((o) => ({ value: o, label: optionLabel(o) })) : null;
  const select = typeof last === 'string' ? f.selects[last] : undefined;
  const options = select ?? choices;
  const change = (v: string) => f.set(path, v);

  let control;
  if (options)
    control = (
      <select {...common} value={text} onChange={(e) => change(e.target.value)}>
        <option value="">{select ? m.noObligation : '—'}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  else if (shape.kind === 'lines' || (shape.kind === 'text' && shape.long))
    control = (
      <textarea
        {...common}
        value={text}
        maxLength={shape.kind === 'text' ? schema.maxLength : undefined}
        rows={shape.kind === 'lines' ? 3 : 4}
        onChange={(e) => change(e.target.value)}
      />
    );
  else
    control = (
      <input
        {...common}
        type={
          shape.kind === 'date'
            ? 'date'
            : shape.kind === 'month'
              ? 'month'
              : shape.kind === 'instant'
                ? 'datetime-local'
                : shape.kind === 'number'
                  ? 'number'
                  : 'text'
        }
        value={text}
        maxLength={shape.kind === 'text' ? schema.maxLength : undefined}
        min={shape.kind === 'number' ? schema.minimum : undefined}
        max={shape.kind === 'number' && (schema.maximum ?? 0) < 1e12 ? schema.maximum : undefined}
        step={shape.kind === 'number' && shape.integer ? 1 : undefined}
        inputMode={shape.kind === 'number' ? 'numeric' : undefined}
        onChange={(e) => change(e.target.value)}
      />
    );
  return (
    <div className={`field${errors.length ? ' invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {mark}
        {srRequired}
      </label>
      {control}
      {hints.length > 0 && (
        <p className="hint" id={hintId}>
          {hints.join(' · ')}
        </p>
      )}
      {errorBlock}
    </div>
  );
};
