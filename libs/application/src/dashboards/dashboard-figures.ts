import { FINDINGS } from '@gl/domain';

/** The difficulty statuses every dashboard shows, counted or not. */
const DIFFICULTIES = ['open', 'answered', 'escalated', 'decided'] as const;

/** Every count a dashboard shows, by its place in a figures vector. */
const FIELDS = [
  'obligations.total',
  'obligations.completed',
  'obligations.completedLate',
  'obligations.onTrack',
  'obligations.dueSoon',
  'obligations.overdue',
  'requests.total',
  'requests.answered',
  'requests.declined',
  'requests.awaiting',
  'conferences',
  'participants',
  'mediaItems',
  'trainings',
  'trainees',
  'regulationsInForce',
  'documentsReviewed',
  'reports.expected',
  'reports.onTime',
  'reports.late',
  'reports.missing',
  'inspections.held',
  'inspections.findings',
  'inspections.followUpsOpen',
  'inspections.followUpsClosed',
  ...FINDINGS.map((f) => `findings.${f}` as const),
  ...DIFFICULTIES.map((d) => `difficulties.${d}` as const),
] as const;
export type Field = (typeof FIELDS)[number];
/** The place of each count in a vector. */
export const F = Object.fromEntries(FIELDS.map((f, i) => [f, i])) as Record<Field, number>;
const FINDING_AT = new Map<string, number>(FINDINGS.map((f) => [f, F[`findings.${f}`]]));
const DIFFICULTY_AT = new Map<string, number>(DIFFICULTIES.map((d) => [d, F[`difficulties.${d}`]]));

/**
 * The figures of one unit, or summed over a subtree: counts in a vector (a roll-up of thousands of
 * units adds vectors), money exact in BigInt (estimated, approved, allocated, spent), and the rare
 * finding or difficulty status outside the known ones by name.
 */
export interface Figures {
  c: number[];
  money: [bigint, bigint, bigint, bigint];
  other: Map<string, number> | null;
}

export const emptyFigures = (): Figures => ({
  c: new Array<number>(FIELDS.length).fill(0),
  money: [0n, 0n, 0n, 0n],
  other: null,
});

/** Adds a count of a finding (`findings`) or a difficulty status (`difficulties`) by its name. */
export const addNamed = (f: Figures, group: 'findings' | 'difficulties', name: string, n: number): void => {
  const at = (group === 'findings' ? FINDING_AT : DIFFICULTY_AT).get(name);
  if (at !== undefined) f.c[at] += n;
  else {
    const key = `${group}.${name}`;
    f.other ??= new Map();
    f.other.set(key, (f.other.get(key) ?? 0) + n);
  }
};

/** Adds b into a, in place (a roll-up keeps one accumulator per parent, not one per sum). */
export const accumulate = (a: Figures, b: Figures): Figures => {
  const x = a.c;
  const y = b.c;
  for (let i = 0; i < x.length; i++) x[i] += y[i];
  for (let i = 0; i < 4; i++) a.money[i] += b.money[i];
  if (b.other) for (const [k, n] of b.other) (a.other ??= new Map()).set(k, (a.other.get(k) ?? 0) + n);
  return a;
};

/** Adds b's counts times a share into a, in place; not its money, whose shares round record by record. */
export const accumulateCounts = (a: Figures, b: Figures, w: number): Figures => {
  const x = a.c;
  const y = b.c;
  for (let i = 0; i < x.length; i++) x[i] += w * y[i];
  if (b.other) for (const [k, n] of b.other) (a.other ??= new Map()).set(k, (a.other.get(k) ?? 0) + w * n);
  return a;
};

/** An amount's share, in whole đồng (exact when the share is the whole). */
export const share = (amount: string | number, w: number): bigint =>
  w === 1 ? BigInt(amount) : BigInt(Math.round(Number(amount) * w));

/** Shares of records (through a part) are shown to two decimals; whole counts stay whole. */
const rounded = (v: number): number => (Number.isInteger(v) ? v : Math.round(v * 100) / 100);

/** Red while anything is overdue, amber while anything falls due within 30 days, else green. */
export const rag = (f: Figures): 'red' | 'amber' | 'green' =>
  f.c[F['obligations.overdue']] > 0 ? 'red' : f.c[F['obligations.dueSoon']] > 0 ? 'amber' : 'green';

const group = (f: Figures, prefix: string, keep: (name: string, n: number) => boolean) => {
  const out: Record<string, number> = {};
  FIELDS.forEach((field, i) => {
    if (!field.startsWith(prefix)) return;
    const name = field.slice(prefix.length);
    if (keep(name, f.c[i])) out[name] = rounded(f.c[i]);
  });
  for (const [k, n] of f.other ?? [])
    if (k.startsWith(prefix)) out[k.slice(prefix.length)] = rounded((out[k.slice(prefix.length)] ?? 0) + n);
  return out;
};
const always = () => true;

/** The figures as the API answers them: shares rounded, money as decimal strings, with their colour. */
export const figuresOut = (f: Figures) => {
  const n = (field: Field) => rounded(f.c[F[field]]);
  return {
    obligations: group(f, 'obligations.', always) as Record<
      'total' | 'completed' | 'completedLate' | 'onTrack' | 'dueSoon' | 'overdue',
      number
    >,
    requests: group(f, 'requests.', always) as Record<'total' | 'answered' | 'declined' | 'awaiting', number>,
    conferences: n('conferences'),
    participants: n('participants'),
    mediaItems: n('mediaItems'),
    trainings: n('trainings'),
    trainees: n('trainees'),
    regulationsInForce: n('regulationsInForce'),
    documentsReviewed: n('documentsReviewed'),
    // A finding shows once counted; the four difficulty statuses always.
    findings: group(f, 'findings.', (_, v) => v > 0),
    difficulties: group(f, 'difficulties.', always),
    reports: group(f, 'reports.', always) as Record<'expected' | 'onTime' | 'late' | 'missing', number>,
    inspections: group(f, 'inspections.', always) as Record<
      'held' | 'findings' | 'followUpsOpen' | 'followUpsClosed',
      number
    >,
    rag: rag(f),
    budget: {
      estimated: f.money[0].toString(),
      approved: f.money[1].toString(),
      allocated: f.money[2].toString(),
      spent: f.money[3].toString(),
    },
  };
};
