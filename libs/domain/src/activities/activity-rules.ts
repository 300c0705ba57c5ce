import { isCalendarDate } from '../shared/calendar-date';
import { BUDGET_LEVELS, CHANNELS, FINDINGS, Headcount, PARTICIPANT_GROUPS } from './activity.events';

export class ActivityError extends Error {
  constructor(readonly code: 'activity-not-found' | 'activity-exists' | 'invalid-activity' | 'activity-closed', message: string) {
    super(message);
    this.name = 'ActivityError';
  }
}

export const invalid = (message: string): never => {
  throw new ActivityError('invalid-activity', message);
};

export const day = (v: unknown, what: string) => {
  if (!isCalendarDate(v)) invalid(`${what} must be a date (YYYY-MM-DD)`);
};
export const text = (v: unknown, what: string, max = 2000) => {
  if (typeof v !== 'string' || !v.trim() || v.length > max) invalid(`${what} is required (at most ${max} characters)`);
};

/** Money is whole đồng: a non-negative safe integer, never a fraction. */
export const dong = (v: unknown, what: string) => {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) invalid(`${what} must be a whole, non-negative number of đồng`);
};

/** A part of a body that must be an object (an item, a document, an attachment): anything else is refused, not read. */
export const record = (v: unknown, what: string): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : invalid(`${what} must be an object`);

const list = (v: unknown, what: string): unknown[] => (Array.isArray(v) ? v : invalid(`${what} must be a list`));

export const headcount = (h: unknown, what: string) => {
  if (!h || typeof h !== 'object' || Array.isArray(h)) return invalid(`${what} must give counts by group`);
  for (const [group, n] of Object.entries(h as Headcount)) {
    if (!PARTICIPANT_GROUPS.includes(group as never)) invalid(`"${group}" is not a group of participants (${PARTICIPANT_GROUPS.join(', ')})`);
    if (!Number.isSafeInteger(n) || n < 0) invalid(`${what}: the count for ${group} must be a whole number`);
  }
};

const sha = (d: unknown, what: string) => {
  const x = record(d, what);
  text(x?.name, `${what} name`, 255);
  if (typeof x.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(x.sha256)) invalid(`${what} is named by its SHA-256 (64 hex digits)`);
  if (!Number.isSafeInteger(x.size) || (x.size as number) < 0) invalid(`${what} size is a whole number of bytes`);
};

/** The checks of each kind's recorded fields, applied when recorded and again after a correction. */
export interface FieldContext {
  year: number;
  /** For a correction, the fields it changes: what it leaves alone is not asked again (an older estimate's unspecified source). */
  changed?: string[];
}

export const FIELD_RULES: Record<string, (f: Record<string, unknown>, c: FieldContext) => void> = {
  conference: (f) => {
    if (!['city', 'district', 'commune', 'unit'].includes(f.level as string)) invalid('level is city, district, commune or unit');
    day(f.heldOn, 'heldOn');
    text(f.place, 'place', 300);
    text(f.chairedBy, 'chairedBy', 300);
    headcount(f.participants, 'participants');
    if (f.evidence !== null && f.evidence !== undefined) {
      const e = record(f.evidence, 'evidence');
      text(e.documentNumber, 'evidence document number', 100);
      day(e.documentDate, 'evidence document date');
      list(e.attachments ?? [], 'evidence attachments').forEach((a, i) => sha(a, `attachment ${i + 1}`));
    }
  },
  media: (f) => {
    text(f.outlet, 'outlet', 300);
    if (!CHANNELS.includes(f.channel as never)) invalid(`channel is one of ${CHANNELS.join(', ')}`);
    if (typeof f.month !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(f.month)) invalid('month is YYYY-MM');
    const items = f.items;
    if (!Array.isArray(items) || items.length === 0) invalid('at least one item');
    (items as unknown[]).map((it, i) => record(it, `item ${i + 1}`)).forEach((it, i) => {
      text(it.title, `item ${i + 1} title`, 500);
      day(it.publishedOn, `item ${i + 1} publishedOn`);
      if (!String(it.publishedOn).startsWith(f.month as string)) invalid(`item ${i + 1} was not published in ${f.month}`);
      if (it.link !== null && it.link !== undefined && !(typeof it.link === 'string' && /^https?:\/\/\S+$/.test(it.link))) invalid(`item ${i + 1} link must be an http(s) address`);
    });
  },
  training: (f) => {
    text(f.organiser, 'organiser', 300);
    day(f.startsOn, 'startsOn');
    day(f.endsOn, 'endsOn');
    if ((f.endsOn as string) < (f.startsOn as string)) invalid('a training ends on or after the day it starts');
    if (!Array.isArray(f.targetGroups) || f.targetGroups.some((g) => !PARTICIPANT_GROUPS.includes(g))) invalid('targetGroups are groups of participants');
    headcount(f.trainees, 'trainees');
    if (f.materials !== undefined) list(f.materials, 'materials').forEach((m, i) => text(m, `material ${i + 1}`, 500));
    if (f.attendedTrainingId !== null && f.attendedTrainingId !== undefined) text(f.attendedTrainingId, 'attendedTrainingId', 100);
  },
  resolution: (f) => {
    text(f.title, 'title', 500);
    day(f.draftedOn, 'draftedOn');
  },
  regulation: (f) => {
    text(f.number, 'number', 100);
    day(f.issuedOn, 'issuedOn');
    day(f.effectiveFrom, 'effectiveFrom');
    text(f.signer, 'signer', 200);
    text(f.title, 'title', 500);
    if (f.document !== null && f.document !== undefined) sha(f.document, 'the document');
    if (f.replaces !== null && f.replaces !== undefined) text(f.replaces, 'replaces', 100);
  },
  legalreview: (f) => {
    const docs = f.documents;
    if (!Array.isArray(docs) || docs.length === 0) invalid('at least one document reviewed');
    (docs as unknown[]).map((d, i) => record(d, `document ${i + 1}`)).forEach((d, i) => {
      // Plan II.5: a finding may be to issue a new document (ban hành mới), which has no number or date yet;
      // every other finding is about a document in force, named by its number and date.
      const proposedNew = d.finding === 'issue-new';
      const unless = proposedNew ? '' : ' (required unless the finding is issue-new)';
      if (!proposedNew || (d.number !== null && d.number !== undefined)) text(d.number, `document ${i + 1} number${unless}`, 100);
      if (!proposedNew || (d.date !== null && d.date !== undefined)) day(d.date, `document ${i + 1} date${unless}`);
      text(d.issuer, `document ${i + 1} issuer`, 200);
      text(d.title, `document ${i + 1} title`, 500);
      if (!FINDINGS.includes(d.finding as never)) invalid(`document ${i + 1} finding is one of ${FINDINGS.join(', ')}`);
      if (d.finding !== 'keep') text(d.proposal, `document ${i + 1} proposal`);
    });
  },
  budget: (f, c) => {
    dong(f.amount, 'amount');
    text(f.description, 'description');
    const kept = c.changed && !c.changed.includes('source');
    if (!(kept && (f.source as { kind?: string } | undefined)?.kind === 'unspecified')) budgetSource(f.source, c.year);
  },
  difficulty: (f) => {
    text(f.title, 'title', 300);
    text(f.description, 'description', 5000);
    day(f.raisedOn, 'raisedOn');
  },
};

/** The district budget level ends with the district level (1 July 2025): its last budget year is 2025. */
export const LAST_DISTRICT_BUDGET_YEAR = 2025;

/**
 * Plan III.1: "ngân sách Nhà nước theo phân cấp ngân sách Nhà nước hiện hành … và các nguồn khác theo
 * quy định của pháp luật": the state budget at a level (city, district until 2025-07-01, commune), or
 * another source, described. `unspecified` is what older estimates read as; it is not recorded anew.
 */
export const budgetSource = (v: unknown, year: number) => {
  const s = v as { kind?: unknown; level?: unknown; description?: unknown } | null;
  if (!s || typeof s !== 'object') return invalid('source is required: { kind: "state-budget", level } or { kind: "other", description }');
  const extra = (allowed: string[]) => Object.keys(s).filter((k) => !allowed.includes(k));
  if (s.kind === 'state-budget') {
    if (!BUDGET_LEVELS.includes(s.level as never)) invalid(`source level is one of ${BUDGET_LEVELS.join(', ')}`);
    if (s.level === 'district' && year > LAST_DISTRICT_BUDGET_YEAR) {
      invalid(`source level district: the district level was abolished on 2025-07-01, so a budget for ${year} cannot come from a district budget`);
    }
    if (extra(['kind', 'level']).length) invalid(`a state-budget source has no field ${extra(['kind', 'level']).join(', ')}`);
    return;
  }
  if (s.kind === 'other') {
    text(s.description, 'source description', 500);
    if (extra(['kind', 'description']).length) invalid(`an other source has no field ${extra(['kind', 'description']).join(', ')}`);
    return;
  }
  invalid('source kind is state-budget or other');
};

/** Fields a correction may change, by kind (amounts of a budget move through its own steps). */
export const CORRECTABLE: Record<string, string[]> = {
  conference: ['level', 'heldOn', 'place', 'chairedBy', 'participants', 'evidence'],
  media: ['outlet', 'channel', 'month', 'items'],
  training: ['organiser', 'targetGroups', 'startsOn', 'endsOn', 'trainees', 'materials'],
  resolution: ['title', 'draftedOn'],
  regulation: ['number', 'issuedOn', 'effectiveFrom', 'signer', 'title', 'document'],
  legalreview: ['documents'],
  budget: ['description', 'source'],
  difficulty: ['title', 'description', 'raisedOn'],
};

/** Every field a kind may carry when recorded: anything else is refused, not silently kept. */
export const RECORDED_FIELDS: Record<string, string[]> = {
  ...CORRECTABLE,
  training: [...CORRECTABLE.training, 'attendedTrainingId'],
  regulation: [...CORRECTABLE.regulation, 'replaces'],
  budget: ['amount', 'description', 'source'],
};
