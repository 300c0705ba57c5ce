/* What the API answers about a unit's work (the read models behind /obligations, /activities, /figures). */

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface Obligation {
  obligationId: string;
  planId: string;
  taskCode: string;
  unitId: string;
  role: 'lead' | 'performer' | 'coordinating';
  kind: 'assigned' | 'requested';
  year: number | null;
  timeWords: string;
  deadline: string | null;
  status: string;
  percent: number;
  completedAt: string | null;
  onTime: boolean | null;
  extensionPending: { until: string; reason: string } | null;
  explanationPending: boolean;
  reminders: number;
  activities: { activityId: string; kind: string }[];
  history: { type: string; at: string; by: string }[];
  overdue: boolean;
  lastChangeAt: string;
}

export interface Plan {
  planId: string;
  tasks: Record<string, { code: string; title: string }>;
}

export interface Activity {
  activityId: string;
  unitId: string;
  obligationId: string | null;
  taskCode: string | null;
  year: number;
  status: string;
  kind: string;
  steps: { type: string; on: string }[];
  withdrawn: boolean;
  recordedAt: string;
  recordedBy: string;
  history: { type: string; at: string; by: string }[];
  fields: Record<string, unknown>;
  money: { estimated: string; approved: string | null; allocated: string; spent: string };
  corrections: { reason: string; changes: Record<string, unknown>; at: string; by: string }[];
}

export interface Figures {
  unitId: string;
  year: number;
  conferences: { count: number; totalParticipants: number };
  media: { publications: number; items: number };
  trainings: { count: number; totalTrainees: number };
  regulations: { issued: number; inForce: number };
  legalReview: { documents: number };
  budget: { estimated: string; approved: string; allocated: string; spent: string };
  difficulties: { open: number; answered: number; escalated: number; decided: number };
}

/** The kinds of activity a unit records, in the plan's order. */
export const ACTIVITY_KINDS = [
  'conference',
  'media',
  'training',
  'regulation',
  'legalreview',
  'budget',
  'difficulty',
  'resolution',
] as const;

/** The steps each kind's life may take after it is recorded (`/activities/{kind}/{id}/steps/{step}`). */
export const ACTIVITY_STEPS: Record<string, string[]> = {
  resolution: ['consultation', 'submission', 'adoption', 'return'],
  regulation: ['amendment', 'replacement'],
  budget: ['submission', 'approval', 'adjustment', 'allocation', 'spending'],
  difficulty: ['guidance', 'escalation', 'decision'],
};

/** Steps only the plan coordinator records. */
export const COORDINATOR_STEPS = [
  'budget.approval',
  'budget.adjustment',
  'budget.allocation',
  'difficulty.guidance',
  'difficulty.escalation',
  'difficulty.decision',
];
