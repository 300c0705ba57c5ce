import { vietnamDateOf } from '@gl/domain';
import type { FiguresSpec } from '../../engine/figures';

/**
 * Obligations of one deadline (or none): orders open, completed (`done`) or completed late; requests
 * (đề nghị) answered, declined or awaiting an answer. Whether an open one is overdue depends on the
 * day asked, so it is kept by its deadline and judged at read time.
 */
export type ObligationSlot = {
  open?: number;
  done?: number;
  late?: number;
  answered?: number;
  declined?: number;
  awaiting?: number;
};

/** The `obligation-figures` document of a unit. */
export type ObligationFigures = {
  _id: string;
  /** By year, then by deadline (epoch milliseconds, `-` for none). */
  y?: Record<string, Record<string, ObligationSlot>>;
  /** Ongoing duties (no year, no deadline), by `fromYear|toYear` (`*` while in force): they belong to every year between. */
  g?: Record<string, ObligationSlot>;
};

/** What the figures read of an obligation's document (obligations.projection.ts). */
export interface ObligationFacts {
  unitId: string;
  kind: string;
  status: string;
  year: number | null;
  deadline: string | null;
  assignedOn: string;
  completedAt: string | null;
  onTime: boolean | null;
}

const slotOf = (o: ObligationFacts): ObligationSlot => {
  if (o.kind === 'requested')
    return o.status === 'answered' ? { answered: 1 } : o.status === 'declined' ? { declined: 1 } : { awaiting: 1 };
  if (o.status !== 'completed') return { open: 1 };
  return o.onTime === false ? { late: 1 } : { done: 1 };
};

/**
 * Where an obligation counts: a yearly one in its year; one with a deadline in the year it falls
 * due (the deadline's instant as written) and the year it was assigned; an ongoing duty in every
 * year from its assignment until completed (an interval, in `g`).
 */
const figuresOf = (o: ObligationFacts): Omit<ObligationFigures, '_id'> => {
  const slot = slotOf(o);
  const deadline = o.deadline === null ? '-' : String(Date.parse(o.deadline));
  if (o.year !== null) return { y: { [String(o.year)]: { [deadline]: slot } } };
  const from = o.assignedOn.slice(0, 4);
  if (o.deadline === null) {
    const to = o.completedAt === null ? '*' : vietnamDateOf(new Date(o.completedAt)).slice(0, 4);
    return { g: { [`${from}|${to}`]: slot } };
  }
  const years = new Set([o.deadline.slice(0, 4), from]);
  return { y: Object.fromEntries([...years].map((y) => [y, { [deadline]: slot }])) };
};

/** Per-unit obligation figures beside the obligations (issue 17): cancelled and passed-on ones add nothing. */
export const obligationFigures: FiguresSpec<ObligationFacts> = {
  collection: 'obligation-figures',
  contribution: (o) =>
    o.status === 'cancelled' || o.status === 'passed' ? null : { unitId: o.unitId, figures: figuresOf(o) },
};
