/**
 * A CSV cell (RFC 4180) safe to open in a spreadsheet: a cell that begins with `=`, `+`, `-`, `@`,
 * tab or CR would be read as a formula (`=2+5+cmd|' /C calc'!A0` from an X-Reason), so it is
 * prefixed with a single quote and quoted, as OWASP's CSV injection guidance says. The quote
 * shows in the cell; the text after it is exactly what was recorded.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\n\r]/;

const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;

export const csvCell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  if (FORMULA_START.test(s)) return quoted(`'${s}`);
  return NEEDS_QUOTES.test(s) ? quoted(s) : s;
};

export const csvLine = (cells: unknown[]): string => `${cells.map(csvCell).join(',')}\n`;
