import type { Lang } from './i18n';

/*
 * How the app writes dates, times, numbers and money: Vietnamese forms (15/11/2023, 1.234.567 đ) by
 * default, British English ones (same day-first dates) in English; times always in Vietnam's zone.
 */

const TZ = 'Asia/Ho_Chi_Minh';
const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'vi-VN');

/** A calendar day `2023-11-15` as `15/11/2023`. */
export const formatDay = (day: string | null | undefined): string => {
  if (!day) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : day;
};

/** An instant as day and time in Vietnam: `15/11/2023 14:05`. */
export const formatInstant = (iso: string | null | undefined, lang: Lang = 'vi'): string => {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat(locale(lang), {
    timeZone: TZ,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const p = (t: string) => parts.find((x) => x.type === t)?.value ?? '';
  return `${p('day')}/${p('month')}/${p('year')} ${p('hour')}:${p('minute')}`;
};

/** Today's date in Vietnam, `2023-11-15`. */
export const vietnamToday = (now = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);

export const formatNumber = (n: number | null | undefined, lang: Lang = 'vi'): string =>
  n == null ? '—' : new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(n);

/** Integer đồng: `1.234.567 đ`. */
export const formatMoney = (dong: number | null | undefined, lang: Lang = 'vi'): string =>
  dong == null ? '—' : `${new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 0 }).format(dong)} đ`;

export const formatPercent = (ratio: number | null | undefined, lang: Lang = 'vi'): string =>
  ratio == null
    ? '—'
    : new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
