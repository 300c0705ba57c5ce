import { ForbiddenKeyError, InputPlace, InvalidTextError } from './text-input.errors';

/**
 * What text the API takes, decided once for every field (DTOs need not repeat it):
 * - no C0 control but tab and line feed, CR only as part of CRLF, no DEL, no C1 control, and no
 *   unpaired surrogate (it cannot be stored as UTF-8);
 * - in single-line fields (names, titles, numbers, codes, ids, and everything in a URL) not even
 *   tab, CR or LF. A field is single-line by its name: see `isSingleLine`.
 */
const NEVER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\r(?!\n)|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LINE_BREAK_OR_TAB = /[\t\n\r]/;

const SINGLE_LINE = new Set([
  'name', 'displayName', 'nameEn', 'title', 'number', 'code', 'table', 'email', 'link', 'url', 'issuer', 'signer', 'outlet',
  'channel', 'organiser', 'place', 'label', 'section', 'to', 'by', 'with', 'role', 'kind', 'level', 'subtype', 'type',
  'sha256', 'month', 'rating', 'status', 'basis', 'period', 'regimeId', 'timeWords',
]);
/** Ids, codes, numbers, keys and days by their suffix: `unitId`, `taskCodes`, `documentNumber`, `heldOn`, `recordedAt`. */
const SINGLE_LINE_SUFFIX = /[a-z0-9](Id|Ids|Code|Codes|Number|Key|On|At|From|To|Date|Url)$/;

export const isSingleLine = (key: string): boolean => SINGLE_LINE.has(key) || SINGLE_LINE_SUFFIX.test(key);

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const hex = (s: string) => `U+${s.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Refuses a string no field takes; `key` is the field's own name (an array's, for its items). */
export const checkText = (s: string, field: string, key: string, place: InputPlace, singleLine = place !== 'body' && place !== 'header'): void => {
  const never = NEVER.exec(s);
  if (never) {
    const what = never[0].length > 1 ? never[0][0] : never[0];
    const why = /[\uD800-\uDFFF]/.test(what) ? 'an unpaired surrogate, not a character' : 'a control character; only tab and line feed (CR only before LF) are allowed, in long texts';
    throw new InvalidTextError(field, place, hex(what), why);
  }
  if ((singleLine || isSingleLine(key)) && LINE_BREAK_OR_TAB.test(s)) {
    throw new InvalidTextError(field, place, hex(LINE_BREAK_OR_TAB.exec(s)![0]), 'a line break or tab, in a single-line field');
  }
};

type Frame = { value: unknown; field: string; key: string };

/**
 * Checks every string and key of parsed JSON (or a query, or path parameters) without recursion:
 * the body's depth is bounded before parsing, but this walk does not rely on it.
 */
export const checkInput = (value: unknown, place: InputPlace, name = ''): void => {
  const stack: Frame[] = [{ value, field: name, key: name }];
  while (stack.length > 0) {
    const { value: v, field, key } = stack.pop()!;
    if (typeof v === 'string') {
      checkText(v, field || `the ${place}`, key, place);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], field: `${field}[${i}]`, key });
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i];
        const path = field ? `${field}.${k}` : k;
        if (FORBIDDEN_KEYS.has(k)) throw new ForbiddenKeyError(path);
        checkText(k, path, 'name', place);
        stack.push({ value: (v as Record<string, unknown>)[k], field: path, key: k });
      }
    }
  }
};
