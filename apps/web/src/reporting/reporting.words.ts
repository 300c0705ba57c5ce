import { api, ApiProblem } from '../shared/api-client';
import { fill, type Lang } from '../shared/i18n';
import { vietnamToday } from '../shared/format';
import type { Period } from './reporting.types';
import type { ReportingWords } from './reporting.messages';

const monthName = (month: number, lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, month - 1, 1)),
  );

/**
 * The deadline as the plan words it: "before 15 November" means before 00:00 of that day in Vietnam,
 * so the day named is the deadline instant's own day in Vietnam.
 */
export const deadlineWords = (p: Pick<Period, 'deadline' | 'adHoc'>, m: ReportingWords, lang: Lang): string => {
  const [year, month, day] = vietnamToday(new Date(p.deadline)).split('-').map(Number);
  const values = {
    day: lang === 'vi' ? String(day).padStart(2, '0') : day,
    month: String(month).padStart(2, '0'),
    monthName: monthName(month, lang),
    year,
  };
  return fill(p.adHoc ? m.deadlineWords : m.yearlyWords, values);
};

export const levelWord = (level: string, m: ReportingWords): string =>
  level ? (m[`level-${level}` as keyof ReportingWords] ?? level) : '—';

export const problemText = (e: unknown, m: ReportingWords): string =>
  fill(m.failed, { detail: e instanceof ApiProblem ? (e.body.detail ?? e.message) : String(e) });

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Reads `path` until `done` holds (a write's projection has caught up), for at most about three seconds. */
export const readUntil = async <T>(path: string, done: (x: T) => boolean): Promise<T | null> => {
  for (let i = 0; i < 15; i++) {
    const x = await api<T>(path).catch(() => null);
    if (x && done(x)) return x;
    await pause(200);
  }
  return null;
};
