import {
  Id,
  IndicatorsSchema,
  Instant,
  Line,
  List,
  Obj,
  OneOf,
  OptionalProse,
  REPORTING_EVENTS as E,
  ReportingId,
  Static,
  Type,
  Year,
} from '@gl/domain';

/* What each reporting step takes over HTTP: the fields of the event it records, from its one definition. */

/** A narrative as a person writes it (a compiled one, listing the units missing, may run longer). */
const Narrative = () => OptionalProse(20_000);

export const OpenPeriodBody = Obj({
  regimeId: E['reporting.period-opened.v1'].properties.regimeId,
  /** The regime's year to open (this year when absent). */
  year: Type.Optional(Year()),
  adHoc: Type.Optional(
    Obj(
      {
        periodId: ReportingId(),
        title: Line(300),
        deadline: Instant({ examples: ['2024-03-01T00:00:00+07:00'] }),
        unitIds: List(Id(), 5000),
      },
      { description: 'An ad hoc request (đột xuất) with its own units and deadline' },
    ),
  ),
});
export const ReminderBody = Type.Pick(E['reporting.reminder-sent.v1'], ['message']);
export const DraftBody = Obj({ indicators: IndicatorsSchema, narrative: Narrative() });
/** A new version of a submitted or returned report, and why (the activities' correction is another shape). */
export const ReportCorrectionBody = Obj({
  indicators: IndicatorsSchema,
  narrative: Narrative(),
  reason: E['report.corrected.v1'].properties.reason,
});
export const NarrativeBody = Obj({ narrative: Type.Optional(Narrative()) });
export const ReturnBody = Type.Pick(E['report.returned.v1'], ['reason']);

export const PeriodsQuery = Obj({ regimeId: Type.Optional(ReportingId()) });
export const ComplianceQuery = Obj({ level: Type.Optional(OneOf(['city', 'district', 'commune'])) });

export type OpenPeriodBody = Static<typeof OpenPeriodBody>;
export type ReminderBody = Static<typeof ReminderBody>;
export type DraftBody = Static<typeof DraftBody>;
export type ReportCorrectionBody = Static<typeof ReportCorrectionBody>;
export type NarrativeBody = Static<typeof NarrativeBody>;
export type ReturnBody = Static<typeof ReturnBody>;
export type PeriodsQuery = Static<typeof PeriodsQuery>;
export type ComplianceQuery = Static<typeof ComplianceQuery>;
