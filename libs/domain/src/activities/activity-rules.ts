import { DomainError, ProblemsOf } from '../shared/domain-error';
import type { TSchema } from '@sinclair/typebox';
import { daysThatDoNotExist } from '../shared/schema-walk';
import type { ActivityKind, BudgetSource, ReviewedDocument } from './activity.events';

export type ActivityErrorCode = 'activity-not-found' | 'activity-exists' | 'invalid-activity' | 'activity-closed';
export class ActivityError extends DomainError<ActivityErrorCode> {
  static readonly problems: ProblemsOf<ActivityErrorCode> = {
    'activity-not-found': { status: 404, title: 'No such activity' },
    'activity-exists': { status: 409, title: 'The activity is already recorded' },
    'invalid-activity': { status: 422, title: 'The activity does not allow this' },
    'activity-closed': { status: 422, title: 'The activity is closed' },
  };
}

export const invalid = (message: string): never => {
  throw new ActivityError('invalid-activity', message);
};

/*
 * The plan's rules that relate one recorded field to another, or a field to the calendar: the shape
 * of each field (its type, its bounds, the fields a kind has) is its schema's, checked at the edge
 * (ADR 0009). Each rule is applied when an activity is recorded and again to what a correction
 * leaves it with.
 */

/** The calendar has every day a field names: `2023-02-29` is written like a day and is none. */
export const daysExist = (schema: TSchema, value: unknown): void => {
  const [bad] = daysThatDoNotExist(schema, value);
  if (bad) invalid(`${bad.path} must be a date (YYYY-MM-DD) of the calendar: ${bad.day} is not one`);
};

/** A training ends on or after the day it starts. */
export const aTrainingEndsOnOrAfterItStarts = (f: { startsOn: string; endsOn: string }): void => {
  if (f.endsOn < f.startsOn)
    invalid(`endsOn (${f.endsOn}) is before startsOn (${f.startsOn}): a training ends on or after the day it starts`);
};

/** A month's publication holds the items published in that month. */
export const itemsArePublishedInTheirMonth = (f: { month: string; items: { publishedOn: string }[] }): void => {
  f.items.forEach((it, i) => {
    if (!it.publishedOn.startsWith(`${f.month}-`))
      invalid(`items[${i}] was not published in ${f.month} (publishedOn ${it.publishedOn})`);
  });
};

/**
 * Plan II.5: a finding may be to issue a new document (ban hành mới), which has no number or date yet;
 * every other finding is about a document in force, named by its number and date. A finding other than
 * keep says what the unit proposes.
 */
export const reviewedDocumentsAreNamed = (f: { documents: ReviewedDocument[] }): void => {
  f.documents.forEach((d, i) => {
    if (d.finding !== 'issue-new') {
      if (d.number == null) invalid(`documents[${i}].number is required unless the finding is issue-new`);
      if (d.date == null) invalid(`documents[${i}].date is required unless the finding is issue-new`);
    }
    if (d.finding !== 'keep' && !d.proposal.trim())
      invalid(`documents[${i}].proposal is required unless the finding is keep`);
  });
};

/** The district budget level ends with the district level (1 July 2025): its last budget year is 2025. */
export const LAST_DISTRICT_BUDGET_YEAR = 2025;

/**
 * Plan III.1: "ngân sách Nhà nước theo phân cấp ngân sách Nhà nước hiện hành … và các nguồn khác theo
 * quy định của pháp luật": a new estimate (or a corrected source) names the state budget at a level
 * that stood in the budget's year (city, district until 2025-07-01, commune), or another source.
 * `unspecified` is what older estimates read as; it is not recorded anew.
 */
export const theSourceStoodInTheBudgetYear = (source: BudgetSource, year: number): void => {
  if (source.kind === 'unspecified')
    invalid('source kind is state-budget or other: a new estimate names where its money comes from');
  if (source.kind === 'state-budget' && source.level === 'district' && year > LAST_DISTRICT_BUDGET_YEAR) {
    invalid(
      `source level district: the district level was abolished on 2025-07-01, so a budget for ${year} cannot come from a district budget`,
    );
  }
};

/**
 * The rules of each kind's recorded fields, given the fields as recorded (or as a correction leaves
 * them) and, for a correction, the fields it changes: an older estimate's unspecified source is not
 * asked again when only its description is corrected.
 */
export const RECORDING_RULES: Partial<
  Record<ActivityKind, (f: Record<string, unknown>, year: number, changed?: string[]) => void>
> = {
  training: (f) => aTrainingEndsOnOrAfterItStarts(f as { startsOn: string; endsOn: string }),
  media: (f) => itemsArePublishedInTheirMonth(f as { month: string; items: { publishedOn: string }[] }),
  legalreview: (f) => reviewedDocumentsAreNamed(f as { documents: ReviewedDocument[] }),
  budget: (f, year, changed) => {
    if (!changed || changed.includes('source')) theSourceStoodInTheBudgetYear(f.source as BudgetSource, year);
  },
};
