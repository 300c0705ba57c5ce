/**
 * Documents are JSON plus Dates. Dates are written as `{"$date": "<ISO>"}` (MongoDB Extended
 * JSON's relaxed form), so a reload gives Dates back and date queries behave as on MongoDB.
 */
export const encodeDoc = (doc: unknown): string =>
  // A replacer slows JSON.stringify for every key; most documents hold no Date, and a walk costs less.
  holdsDate(doc) ? JSON.stringify(doc, dateReplacer) : JSON.stringify(doc);

const holdsDate = (v: unknown): boolean => {
  if (v instanceof Date) return true;
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return v.some(holdsDate);
  for (const k in v) if (holdsDate((v as Record<string, unknown>)[k])) return true;
  return false;
};

export const decodeDoc = <T>(text: string): T =>
  text.includes('"$date"') ? JSON.parse(text, dateReviver) : JSON.parse(text);

function dateReplacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof Date ? { $date: raw.toISOString() } : value;
}

const dateReviver = (_key: string, value: unknown): unknown => {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const iso = (value as { $date?: unknown }).$date;
    if (keys.length === 1 && typeof iso === 'string') return new Date(iso);
  }
  return value;
};
