import { ForbiddenKeyError, InputPlace, InvalidTextError, TooManyItemsError } from './text-input.errors';

/**
 * What text the API takes, decided once for every field (DTOs need not repeat it):
 * - no C0 control but tab and line feed, CR only as part of CRLF, no DEL, no C1 control, and no
 *   unpaired surrogate (it cannot be stored as UTF-8);
 * - in single-line fields (names, titles, numbers, codes, ids, and everything in a URL) not even
 *   tab, CR or LF. A field is single-line by its name: see `isSingleLine`.
 */
const NEVER =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\r(?!\n)|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LINE_BREAK_OR_TAB = /[\t\n\r]/;

const SINGLE_LINE = new Set([
  'name',
  'displayName',
  'nameEn',
  'title',
  'number',
  'code',
  'table',
  'email',
  'link',
  'url',
  'issuer',
  'signer',
  'outlet',
  'channel',
  'organiser',
  'place',
  'label',
  'section',
  'to',
  'by',
  'with',
  'role',
  'kind',
  'level',
  'subtype',
  'type',
  'sha256',
  'month',
  'rating',
  'status',
  'basis',
  'period',
  'regimeId',
  'timeWords',
]);
/** Ids, codes, numbers, keys and days by their suffix: `unitId`, `taskCodes`, `documentNumber`, `heldOn`, `recordedAt`. */
const SINGLE_LINE_SUFFIX = /[a-z0-9](Id|Ids|Code|Codes|Number|Key|On|At|From|To|Date|Url)$/;

export const isSingleLine = (key: string): boolean => SINGLE_LINE.has(key) || SINGLE_LINE_SUFFIX.test(key);

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const hex = (s: string) => `U+${s.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Refuses a string no field takes; `key` is the field's own name (an array's, for its items). */
export const checkText = (
  s: string,
  field: string,
  key: string,
  place: InputPlace,
  singleLine = place !== 'body' && place !== 'header',
): void => {
  const never = NEVER.exec(s);
  if (never) {
    const what = never[0].length > 1 ? never[0][0] : never[0];
    const why = /[\uD800-\uDFFF]/.test(what)
      ? 'an unpaired surrogate, not a character'
      : 'a control character; only tab and line feed (CR only before LF) are allowed, in long texts';
    throw new InvalidTextError(field, place, hex(what), why);
  }
  if ((singleLine || isSingleLine(key)) && LINE_BREAK_OR_TAB.test(s)) {
    throw new InvalidTextError(
      field,
      place,
      hex(LINE_BREAK_OR_TAB.exec(s)![0]),
      'a line break or tab, in a single-line field',
    );
  }
};

/** A value still to check, and how it was reached: the path is spelt out only for a refusal. */
interface Frame {
  value: unknown;
  key: string;
  parent: Frame | null;
  step: string | number;
}

const pathOf = (f: Frame | null): string => {
  const steps: (string | number)[] = [];
  for (let at = f; at && at.parent; at = at.parent) steps.push(at.step);
  return steps.reverse().reduce<string>((p, s) => (typeof s === 'number' ? `${p}[${s}]` : p ? `${p}.${s}` : s), '');
};

/**
 * Checks every string and key of parsed JSON (or a query, or path parameters) without recursion,
 * and that no array has more than `maxItems` items nor object more members: the body's depth is
 * bounded before parsing, but this walk does not rely on it.
 */
export const checkInput = (value: unknown, place: InputPlace, name = '', maxItems = Infinity): void => {
  const root: Frame = { value, key: name, parent: null, step: name };
  const named = (f: Frame) => (name ? [name, pathOf(f)].filter(Boolean).join('.') : pathOf(f)) || `the ${place}`;
  const stack: Frame[] = [root];
  // Scalars are checked where they stand; only containers get a frame (a 1 MiB body may hold 500,000 numbers).
  const visit = (value: unknown, key: string, parent: Frame, step: string | number) => {
    if (typeof value === 'string') {
      if (NEVER.test(value) || LINE_BREAK_OR_TAB.test(value))
        checkText(value, named({ value, key, parent, step }), key, place);
    } else if (value !== null && typeof value === 'object') {
      stack.push({ value, key, parent, step });
    }
  };
  if (typeof value === 'string') checkText(value, named(root), name, place);
  while (stack.length > 0) {
    const f = stack.pop()!;
    const v = f.value;
    if (Array.isArray(v)) {
      if (v.length > maxItems) throw new TooManyItemsError(named(f), maxItems);
      for (let i = v.length - 1; i >= 0; i--) visit(v[i], f.key, f, i);
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      if (keys.length > maxItems) throw new TooManyItemsError(named(f), maxItems);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i];
        if (FORBIDDEN_KEYS.has(k)) throw new ForbiddenKeyError(named({ value: null, key: k, parent: f, step: k }));
        if (NEVER.test(k) || LINE_BREAK_OR_TAB.test(k))
          checkText(k, named({ value: null, key: k, parent: f, step: k }), 'name', place);
        visit((v as Record<string, unknown>)[k], k, f, k);
      }
    }
  }
};
