import { EvidenceSchema, Instant, Nullable, Obj, OBLIGATION_EVENTS as E, Prose, Static, Type } from '@gl/domain';

/*
 * What each obligation step takes over HTTP: the fields of the event it records, taken from its one
 * definition (the obligation id comes from the path).
 */
const data = <K extends keyof typeof E>(type: K) => Type.Omit(E[type], ['obligationId']);

export const CompletionBody = Obj({ evidence: EvidenceSchema });
export const ProgressBody = data('obligation.progress-updated.v1');
export const ExtensionRequestBody = Obj({
  until: Instant({ examples: ['2024-02-01T00:00:00+07:00'] }),
  reason: Prose(2000),
});
export const ExtensionDecisionBody = Obj({ approve: Type.Boolean(), reason: Prose(2000) });
export const ReasonBody = data('obligation.cancelled.v1');
export const PassBody = Type.Pick(E['obligation.passed-to-successor.v1'], ['toUnitId', 'reason']);
export const ReminderBody = data('obligation.reminded.v1');
export const ExplanationRequestBody = data('obligation.explanation-requested.v1');
export const ExplanationBody = data('obligation.explanation-given.v1');
export const RequestAnswerBody = Obj({
  answer: E['obligation.request-answered.v1'].properties.answer,
  answeredOn: E['obligation.request-answered.v1'].properties.answeredOn,
  documentNumber: Type.Optional(Nullable(E['obligation.request-answered.v1'].properties.documentNumber.anyOf[0])),
});

export type CompletionBody = Static<typeof CompletionBody>;
export type ProgressBody = Static<typeof ProgressBody>;
export type ExtensionRequestBody = Static<typeof ExtensionRequestBody>;
export type ExtensionDecisionBody = Static<typeof ExtensionDecisionBody>;
export type ReasonBody = Static<typeof ReasonBody>;
export type PassBody = Static<typeof PassBody>;
export type ReminderBody = Static<typeof ReminderBody>;
export type ExplanationRequestBody = Static<typeof ExplanationRequestBody>;
export type ExplanationBody = Static<typeof ExplanationBody>;
export type RequestAnswerBody = Static<typeof RequestAnswerBody>;
