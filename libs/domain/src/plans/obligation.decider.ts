import { CalendarDate, isCalendarDate } from '../shared/calendar-date';
import { ObligationAssigned, ObligationEvent, Evidence, obligationIdOf } from './obligation.events';
import { isOnTime } from './time-frame';
import { DomainError, ProblemsOf } from '../shared/domain-error';

export type ObligationStatus =
  'open' | 'acknowledged' | 'in-progress' | 'completed' | 'cancelled' | 'passed' | 'answered' | 'declined';

export interface Obligation {
  assigned: ObligationAssigned['data'] | null;
  status: ObligationStatus;
  deadline: string | null;
  percent: number;
  completedAt: string | null;
  onTime: boolean | null;
  extensionPending: { until: string; reason: string } | null;
  explanationPending: boolean;
  /** The detailed plans recorded as issued under this duty. */
  detailedPlans: string[];
}

export type ObligationCommand =
  | ({ type: 'AssignObligation' } & ObligationAssigned['data'])
  | { type: 'Acknowledge'; obligationId: string; unitId: string }
  | { type: 'UpdateProgress'; obligationId: string; percent: number; note: string }
  | { type: 'Complete'; obligationId: string; evidence: Evidence }
  | { type: 'RequestExtension'; obligationId: string; until: string; reason: string }
  | { type: 'DecideExtension'; obligationId: string; approve: boolean; reason: string }
  | { type: 'ReturnForRework'; obligationId: string; reason: string }
  | { type: 'Cancel'; obligationId: string; reason: string }
  | { type: 'PassToSuccessor'; obligationId: string; toUnitId: string; reason: string }
  | { type: 'Remind'; obligationId: string; message: string }
  | { type: 'RequestExplanation'; obligationId: string; question: string }
  | { type: 'Explain'; obligationId: string; answer: string }
  | { type: 'LinkActivity'; obligationId: string; activityId: string; kind: string }
  | {
      type: 'AnswerRequest';
      obligationId: string;
      answer: string;
      answeredOn: CalendarDate;
      documentNumber?: string | null;
    }
  | { type: 'DeclineRequest'; obligationId: string; reason: string }
  | {
      type: 'RecordDetailedPlan';
      obligationId: string;
      planId: string;
      number: string | null;
      issuedOn: CalendarDate;
      /** The duty is to issue a detailed plan (its task's `dischargedBy`): the plan completes it. */
      completesDuty?: boolean;
    };

export type ObligationErrorCode =
  'obligation-not-found' | 'obligation-exists' | 'obligation-closed' | 'invalid-obligation';
export class ObligationError extends DomainError<ObligationErrorCode> {
  static readonly problems: ProblemsOf<ObligationErrorCode> = {
    'obligation-not-found': { status: 404, title: 'No such obligation' },
    'obligation-exists': { status: 409, title: 'The obligation is already assigned' },
    'obligation-closed': { status: 422, title: 'The obligation is closed' },
    'invalid-obligation': { status: 422, title: 'The obligation does not allow this step' },
  };
}

export const initialObligation = (): Obligation => ({
  assigned: null,
  status: 'open',
  deadline: null,
  percent: 0,
  completedAt: null,
  onTime: null,
  extensionPending: null,
  explanationPending: false,
  detailedPlans: [],
});

export const CLOSED_STATUSES: readonly ObligationStatus[] = [
  'completed',
  'cancelled',
  'passed',
  'answered',
  'declined',
];
const CLOSED = CLOSED_STATUSES;

/**
 * Overdue follows from the deadline and the clock: open work past its deadline. A request is never
 * overdue: the plan "đề nghị" (requests) the Fatherland Front and the Labour Federation (II.2.b,
 * II.2.c, IV.3), bodies the People's Committee does not direct (Luật MTTQ Việt Nam 2015, Điều 1, 4;
 * Luật Công đoàn), so its time is a wish, not a deadline.
 */
export const isOverdue = (s: Obligation, now: Date): boolean =>
  s.assigned?.kind !== 'requested' && !CLOSED.includes(s.status) && s.deadline !== null && !isOnTime(now, s.deadline);

export const evolveObligation = (s: Obligation, e: ObligationEvent, at?: string): Obligation => {
  switch (e.type) {
    case 'obligation.assigned.v1':
      return { ...initialObligation(), assigned: e.data, deadline: e.data.deadline };
    case 'obligation.acknowledged.v1':
      return { ...s, status: s.status === 'open' ? 'acknowledged' : s.status };
    case 'obligation.progress-updated.v1':
      return { ...s, status: 'in-progress', percent: e.data.percent };
    case 'obligation.completed.v1':
      return {
        ...s,
        status: 'completed',
        percent: 100,
        completedAt: at ?? null,
        onTime: e.data.onTime,
        extensionPending: null,
      };
    case 'obligation.extension-requested.v1':
      return { ...s, extensionPending: { until: e.data.until, reason: e.data.reason } };
    case 'obligation.extension-approved.v1':
      return { ...s, deadline: e.data.until, extensionPending: null };
    case 'obligation.extension-refused.v1':
      return { ...s, extensionPending: null };
    case 'obligation.returned.v1':
      return { ...s, status: 'in-progress', completedAt: null, onTime: null };
    case 'obligation.cancelled.v1':
      return { ...s, status: 'cancelled' };
    case 'obligation.passed-to-successor.v1':
      return { ...s, status: 'passed' };
    case 'obligation.explanation-requested.v1':
      return { ...s, explanationPending: true };
    case 'obligation.explanation-given.v1':
      return { ...s, explanationPending: false };
    case 'obligation.reminded.v1':
      return s;
    case 'obligation.activity-recorded.v1':
      return { ...s, status: s.status === 'open' || s.status === 'acknowledged' ? 'in-progress' : s.status };
    case 'obligation.request-answered.v1':
      return { ...s, status: 'answered', completedAt: at ?? null };
    case 'obligation.request-declined.v1':
      return { ...s, status: 'declined', completedAt: at ?? null };
    case 'obligation.detailed-plan-recorded.v1':
      return {
        ...s,
        status: s.status === 'open' || s.status === 'acknowledged' ? 'in-progress' : s.status,
        detailedPlans: [...(s.detailedPlans ?? []).filter((p) => p !== e.data.planId), e.data.planId],
      };
  }
};

const text = (t: string | undefined, what: string) => {
  if (!t?.trim()) throw new ObligationError('invalid-obligation', `${what} is required`);
};
const instant = (t: string, what: string) => {
  if (Number.isNaN(Date.parse(t)))
    throw new ObligationError('invalid-obligation', `${what} must be an instant (ISO 8601)`);
};

/** Decides one unit's obligation: acknowledgement, progress, completion with evidence, extensions, … */
export const decideObligation = (c: ObligationCommand, s: Obligation, now: Date): ObligationEvent[] => {
  if (c.type === 'AssignObligation') {
    if (s.assigned) throw new ObligationError('obligation-exists', `obligation ${c.obligationId} exists`);
    const { type, ...data } = c;
    return [{ type: 'obligation.assigned.v1', data }];
  }
  if (!s.assigned) throw new ObligationError('obligation-not-found', `no obligation ${c.obligationId}`);
  const id = c.obligationId;
  const open = () => {
    if (CLOSED.includes(s.status)) throw new ObligationError('obligation-closed', `obligation ${id} is ${s.status}`);
  };
  const request = s.assigned.kind === 'requested';
  /** What an order has and a request has not: completion on evidence, deadlines moved, explanations owed. */
  const orderOnly = (what: string) => {
    if (request)
      throw new ObligationError('invalid-obligation', `obligation ${id} is a request (đề nghị), not an order: ${what}`);
  };
  switch (c.type) {
    case 'Acknowledge':
      open();
      return s.status === 'open'
        ? [{ type: 'obligation.acknowledged.v1', data: { obligationId: id, unitId: c.unitId } }]
        : [];
    case 'UpdateProgress':
      open();
      if (!Number.isInteger(c.percent) || c.percent < 0 || c.percent > 100)
        throw new ObligationError('invalid-obligation', 'percent is a whole number from 0 to 100');
      return [
        { type: 'obligation.progress-updated.v1', data: { obligationId: id, percent: c.percent, note: c.note ?? '' } },
      ];
    case 'Complete': {
      open();
      orderOnly('it is answered or declined, not completed');
      text(c.evidence?.documentNumber, 'the evidence document number');
      if (!isCalendarDate(c.evidence.documentDate))
        throw new ObligationError('invalid-obligation', 'the evidence document date is YYYY-MM-DD');
      for (const a of c.evidence.attachments ?? []) {
        if (!/^[0-9a-f]{64}$/.test(a.sha256) || !Number.isInteger(a.size) || a.size < 0)
          throw new ObligationError(
            'invalid-obligation',
            'an attachment is named by its SHA-256 (64 hex digits) and its size in bytes',
          );
      }
      return [
        {
          type: 'obligation.completed.v1',
          data: { obligationId: id, evidence: c.evidence, onTime: isOnTime(now, s.deadline) },
        },
      ];
    }
    case 'RequestExtension':
      open();
      orderOnly('its time is not a deadline to extend');
      instant(c.until, 'the new deadline');
      text(c.reason, 'a reason');
      if (s.deadline && Date.parse(c.until) <= Date.parse(s.deadline))
        throw new ObligationError('invalid-obligation', 'an extension moves the deadline later');
      return [
        {
          type: 'obligation.extension-requested.v1',
          data: { obligationId: id, until: new Date(c.until).toISOString(), reason: c.reason },
        },
      ];
    case 'DecideExtension':
      open();
      if (!s.extensionPending) throw new ObligationError('invalid-obligation', 'no extension was requested');
      text(c.reason, 'a reason');
      return c.approve
        ? [
            {
              type: 'obligation.extension-approved.v1',
              data: { obligationId: id, until: s.extensionPending.until, reason: c.reason },
            },
          ]
        : [{ type: 'obligation.extension-refused.v1', data: { obligationId: id, reason: c.reason } }];
    case 'ReturnForRework':
      if (s.status !== 'completed')
        throw new ObligationError('invalid-obligation', 'only completed work is returned for rework');
      text(c.reason, 'a reason');
      return [{ type: 'obligation.returned.v1', data: { obligationId: id, reason: c.reason } }];
    case 'Cancel':
      open();
      text(c.reason, 'a reason');
      return [{ type: 'obligation.cancelled.v1', data: { obligationId: id, reason: c.reason } }];
    case 'PassToSuccessor': {
      open();
      text(c.reason, 'a reason');
      const a = s.assigned;
      const newObligationId = obligationIdOf(a.planId, a.taskCode, c.toUnitId, a.year ?? undefined);
      return [
        {
          type: 'obligation.passed-to-successor.v1',
          data: { obligationId: id, toUnitId: c.toUnitId, newObligationId, reason: c.reason },
        },
      ];
    }
    case 'Remind':
      open();
      text(c.message, 'a message');
      return [{ type: 'obligation.reminded.v1', data: { obligationId: id, message: c.message } }];
    case 'RequestExplanation':
      orderOnly("no explanation (giải trình) can be required of a body the People's Committee does not direct");
      text(c.question, 'a question');
      return [{ type: 'obligation.explanation-requested.v1', data: { obligationId: id, question: c.question } }];
    case 'LinkActivity':
      return [
        { type: 'obligation.activity-recorded.v1', data: { obligationId: id, activityId: c.activityId, kind: c.kind } },
      ];
    case 'AnswerRequest':
      open();
      if (!request)
        throw new ObligationError(
          'invalid-obligation',
          `obligation ${id} is an order (giao): it is completed with evidence`,
        );
      text(c.answer, 'an answer');
      if (!isCalendarDate(c.answeredOn)) throw new ObligationError('invalid-obligation', 'answeredOn is YYYY-MM-DD');
      return [
        {
          type: 'obligation.request-answered.v1',
          data: {
            obligationId: id,
            answer: c.answer,
            answeredOn: c.answeredOn,
            documentNumber: c.documentNumber ?? null,
          },
        },
      ];
    case 'DeclineRequest':
      open();
      if (!request)
        throw new ObligationError('invalid-obligation', `obligation ${id} is an order (giao): it cannot be declined`);
      text(c.reason, 'a reason');
      return [{ type: 'obligation.request-declined.v1', data: { obligationId: id, reason: c.reason } }];
    case 'RecordDetailedPlan':
      if (s.status === 'cancelled' || s.status === 'passed')
        throw new ObligationError('obligation-closed', `obligation ${id} is ${s.status}`);
      if (!isCalendarDate(c.issuedOn)) throw new ObligationError('invalid-obligation', 'issuedOn is YYYY-MM-DD');
      if ((s.detailedPlans ?? []).includes(c.planId)) return [];
      return [
        {
          type: 'obligation.detailed-plan-recorded.v1',
          data: { obligationId: id, planId: c.planId, number: c.number, issuedOn: c.issuedOn },
        },
        ...(c.completesDuty && !CLOSED.includes(s.status) && !request
          ? [
              {
                type: 'obligation.completed.v1' as const,
                data: {
                  obligationId: id,
                  evidence: {
                    documentNumber: c.number ?? `Kế hoạch ${c.planId}`,
                    documentDate: c.issuedOn,
                    attachments: [],
                  },
                  onTime: isOnTime(now, s.deadline),
                },
              },
            ]
          : []),
      ];
    case 'Explain':
      if (!s.explanationPending) throw new ObligationError('invalid-obligation', 'no explanation was requested');
      text(c.answer, 'an answer');
      return [{ type: 'obligation.explanation-given.v1', data: { obligationId: id, answer: c.answer } }];
  }
};
