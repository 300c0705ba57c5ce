import { CalendarDate, isCalendarDate, vietnamDateOf } from '../shared/calendar-date';
import { DomainError, ProblemsOf } from '../shared/domain-error';
import {
  INSPECTION_RATINGS,
  InspectionClosed,
  InspectionConducted,
  InspectionEvent,
  InspectionFinding,
  InspectionFollowUpAnswered,
  InspectionFollowUpRequested,
  InspectionPlanned,
} from './inspection.events';

export type InspectionStatus = 'none' | 'planned' | 'conducted' | 'closed';

export interface FollowUp {
  followUpId: string;
  request: string;
  requestedOn: CalendarDate;
  dueOn: CalendarDate;
  answer: string | null;
  answeredOn: CalendarDate | null;
  documentNumber: string | null;
}

/** One inspection as its events tell it. */
export interface Inspection {
  status: InspectionStatus;
  planned: InspectionPlanned['data'] | null;
  conducted: Omit<InspectionConducted['data'], 'inspectionId' | 'findings'> | null;
  findings: InspectionFinding[];
  followUps: FollowUp[];
  closed: Omit<InspectionClosed['data'], 'inspectionId'> | null;
}

export type InspectionCommand =
  | ({ type: 'PlanInspection' } & InspectionPlanned['data'])
  | ({ type: 'RecordConduct' } & InspectionConducted['data'])
  | ({ type: 'RequestFollowUp' } & InspectionFollowUpRequested['data'])
  | ({ type: 'AnswerFollowUp' } & InspectionFollowUpAnswered['data'])
  | ({ type: 'CloseInspection' } & InspectionClosed['data']);

export type InspectionErrorCode = 'inspection-not-found' | 'inspection-exists' | 'invalid-inspection';

/** Each error declares its problem (STYLE.md): the HTTP edge looks it up. */
export class InspectionError extends DomainError<InspectionErrorCode> {
  static readonly problems: ProblemsOf<InspectionErrorCode> = {
    'inspection-not-found': { status: 404, title: 'No such inspection' },
    'inspection-exists': { status: 409, title: 'The inspection is already recorded' },
    'invalid-inspection': { status: 422, title: 'The inspection does not allow this' },
  };
}
export class InspectionNotFound extends InspectionError {
  static readonly problem = { type: '/problems/inspection-not-found', status: 404, title: 'No such inspection' };
  constructor(inspectionId: string) {
    super('inspection-not-found', `inspection ${inspectionId} was not found`);
  }
}
export class InspectionExists extends InspectionError {
  static readonly problem = {
    type: '/problems/inspection-exists',
    status: 409,
    title: 'The inspection is already recorded',
  };
  constructor(inspectionId: string) {
    super('inspection-exists', `inspection ${inspectionId} is already recorded`);
  }
}
export class InvalidInspection extends InspectionError {
  static readonly problem = {
    type: '/problems/invalid-inspection',
    status: 422,
    title: 'The inspection does not allow this',
  };
  constructor(message: string) {
    super('invalid-inspection', message);
  }
}

export const initialInspection = (): Inspection => ({
  status: 'none',
  planned: null,
  conducted: null,
  findings: [],
  followUps: [],
  closed: null,
});

export const evolveInspection = (s: Inspection, e: InspectionEvent): Inspection => {
  switch (e.type) {
    case 'inspection.planned.v1':
      return { ...s, status: 'planned', planned: e.data };
    case 'inspection.conducted.v1': {
      const { inspectionId: _i, findings, ...conducted } = e.data;
      return { ...s, status: 'conducted', conducted, findings };
    }
    case 'inspection.follow-up-requested.v1': {
      const { inspectionId: _i, ...f } = e.data;
      return { ...s, followUps: [...s.followUps, { ...f, answer: null, answeredOn: null, documentNumber: null }] };
    }
    case 'inspection.follow-up-answered.v1':
      return {
        ...s,
        followUps: s.followUps.map((f) =>
          f.followUpId === e.data.followUpId
            ? { ...f, answer: e.data.answer, answeredOn: e.data.answeredOn, documentNumber: e.data.documentNumber }
            : f,
        ),
      };
    case 'inspection.closed.v1': {
      const { inspectionId: _i, ...closed } = e.data;
      return { ...s, status: 'closed', closed };
    }
  }
};

const invalid = (message: string): never => {
  throw new InvalidInspection(message);
};
const text = (v: unknown, what: string) => {
  if (typeof v !== 'string' || v.trim() === '') invalid(`${what} is required`);
};
const day = (v: unknown, what: string) => {
  if (!isCalendarDate(v)) invalid(`${what} must be a real date written YYYY-MM-DD`);
};
/** What is recorded as done has happened: not after today in Vietnam. */
const notAfterToday = (d: CalendarDate, what: string, now: Date) => {
  const today = vietnamDateOf(now);
  if (d > today) invalid(`${what} ${d} is after today (${today})`);
};
const document = (d: { number?: unknown; date?: unknown; issuer?: unknown } | null | undefined, what: string) => {
  if (!d || typeof d !== 'object') return invalid(`${what} is required`);
  text(d.number, `${what}.number`);
  day(d.date, `${what}.date`);
  text(d.issuer, `${what}.issuer`);
};

/**
 * The life of an inspection, each step in the order it happens:
 * planned (a decision, tasks in scope, dates) → conducted (on or after the planned start, findings
 * per task in scope) → follow-ups requested (after it was conducted) and answered (after the
 * request) → closed (after it was conducted, once every follow-up is answered). A closed inspection
 * takes no further step.
 */
export const decideInspection = (c: InspectionCommand, s: Inspection, now: Date): InspectionEvent[] => {
  const { type: _t, ...data } = c;
  if (c.type === 'PlanInspection') {
    if (s.status !== 'none') throw new InspectionExists(c.inspectionId);
    text(c.inspectingUnitId, 'inspectingUnitId');
    text(c.inspectedUnitId, 'inspectedUnitId');
    if (c.inspectingUnitId === c.inspectedUnitId)
      invalid('a unit does not inspect itself: name the inspected unit apart from the inspecting one');
    text(c.planId, 'planId');
    text(c.title, 'title');
    if (!Array.isArray(c.taskCodes) || c.taskCodes.length === 0)
      invalid('an inspection covers at least one task of the plan (taskCodes)');
    if (new Set(c.taskCodes).size !== c.taskCodes.length) invalid('taskCodes names a task twice');
    day(c.plannedFrom, 'plannedFrom');
    day(c.plannedTo, 'plannedTo');
    if (c.plannedTo < c.plannedFrom) invalid(`plannedTo ${c.plannedTo} is before plannedFrom ${c.plannedFrom}`);
    document(c.decision, 'decision');
    if (c.decision.date > c.plannedFrom)
      invalid(`the decision to inspect (${c.decision.date}) comes after the planned start ${c.plannedFrom}`);
    notAfterToday(c.decision.date, 'the decision date', now);
    return [{ type: 'inspection.planned.v1', data: data as InspectionPlanned['data'] }];
  }
  if (s.status === 'none' || !s.planned) throw new InspectionNotFound(c.inspectionId);
  if (s.status === 'closed')
    invalid(`inspection ${c.inspectionId} was closed on ${s.closed!.closedOn}; it takes no further step`);
  switch (c.type) {
    case 'RecordConduct': {
      if (s.status === 'conducted')
        invalid(`inspection ${c.inspectionId} was already conducted on ${s.conducted!.heldOn}`);
      day(c.heldOn, 'heldOn');
      day(c.endedOn, 'endedOn');
      if (c.heldOn < s.planned.plannedFrom)
        invalid(`heldOn ${c.heldOn} is before the planned start ${s.planned.plannedFrom}`);
      if (c.endedOn < c.heldOn) invalid(`endedOn ${c.endedOn} is before heldOn ${c.heldOn}`);
      notAfterToday(c.endedOn, 'endedOn', now);
      if (!Array.isArray(c.inspectors) || c.inspectors.length === 0)
        invalid('an inspection is conducted by at least one inspector');
      c.inspectors.forEach((i, n) => {
        text(i?.name, `inspectors[${n}].name`);
        text(i?.title, `inspectors[${n}].title`);
      });
      if (!Array.isArray(c.findings) || c.findings.length === 0) invalid('an inspection records at least one finding');
      const seen = new Set<string>();
      c.findings.forEach((f, n) => {
        if (!s.planned!.taskCodes.includes(f?.taskCode))
          invalid(
            `findings[${n}] names task ${f?.taskCode}, which the inspection does not cover (${s.planned!.taskCodes.join(', ')})`,
          );
        if (seen.has(f.taskCode)) invalid(`findings name task ${f.taskCode} twice`);
        seen.add(f.taskCode);
        text(f.finding, `findings[${n}].finding`);
        if (!INSPECTION_RATINGS.includes(f.rating))
          invalid(`findings[${n}].rating must be one of ${INSPECTION_RATINGS.join(', ')}`);
      });
      return [{ type: 'inspection.conducted.v1', data: data as InspectionConducted['data'] }];
    }
    case 'RequestFollowUp': {
      if (s.status !== 'conducted') invalid('a follow-up is requested after the inspection was conducted');
      text(c.followUpId, 'followUpId');
      if (s.followUps.some((f) => f.followUpId === c.followUpId))
        invalid(`follow-up ${c.followUpId} was already requested`);
      text(c.request, 'request');
      day(c.requestedOn, 'requestedOn');
      day(c.dueOn, 'dueOn');
      if (c.requestedOn < s.conducted!.heldOn)
        invalid(`requestedOn ${c.requestedOn} is before the inspection was held (${s.conducted!.heldOn})`);
      if (c.dueOn < c.requestedOn) invalid(`dueOn ${c.dueOn} is before requestedOn ${c.requestedOn}`);
      notAfterToday(c.requestedOn, 'requestedOn', now);
      return [{ type: 'inspection.follow-up-requested.v1', data: data as InspectionFollowUpRequested['data'] }];
    }
    case 'AnswerFollowUp': {
      const f = s.followUps.find((x) => x.followUpId === c.followUpId);
      if (!f) return invalid(`inspection ${c.inspectionId} requested no follow-up ${c.followUpId}`);
      if (f.answeredOn) invalid(`follow-up ${c.followUpId} was already answered on ${f.answeredOn}`);
      text(c.answer, 'answer');
      day(c.answeredOn, 'answeredOn');
      if (c.answeredOn < f.requestedOn)
        invalid(`answeredOn ${c.answeredOn} is before the follow-up was requested (${f.requestedOn})`);
      notAfterToday(c.answeredOn, 'answeredOn', now);
      return [
        {
          type: 'inspection.follow-up-answered.v1',
          data: { ...(data as InspectionFollowUpAnswered['data']), documentNumber: c.documentNumber ?? null },
        },
      ];
    }
    case 'CloseInspection': {
      if (s.status !== 'conducted') invalid('an inspection is closed after it was conducted');
      day(c.closedOn, 'closedOn');
      text(c.conclusion, 'conclusion');
      document(c.document, 'document');
      const conductedTo = s.conducted!.endedOn;
      if (c.closedOn < conductedTo) invalid(`closedOn ${c.closedOn} is before the inspection ended (${conductedTo})`);
      const open = s.followUps.filter((f) => !f.answeredOn).map((f) => f.followUpId);
      if (open.length > 0)
        invalid(
          `follow-ups ${open.join(', ')} are not answered yet; an inspection closes when every follow-up is answered`,
        );
      const lastAnswer = s.followUps.reduce<string>((m, f) => (f.answeredOn! > m ? f.answeredOn! : m), '');
      if (lastAnswer && c.closedOn < lastAnswer)
        invalid(`closedOn ${c.closedOn} is before the last follow-up was answered (${lastAnswer})`);
      notAfterToday(c.closedOn, 'closedOn', now);
      return [{ type: 'inspection.closed.v1', data: data as InspectionClosed['data'] }];
    }
  }
};
