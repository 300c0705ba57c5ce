import type { TProperties } from '@sinclair/typebox';
import { EffectiveSchema, Id, LegalBasisSchema, Line, Obj, Position, Static, Type } from '@gl/domain';
import { PAGE_QUERY, PageOf } from './page.schemas';

/*
 * The shapes every area's HTTP edge shares, once (ADR 0009): a page asked for and answered, the legal
 * basis of a change and the day it takes effect, and what a write answers.
 */

export { EffectiveSchema, LegalBasisSchema, PAGE_QUERY, PageOf };

/** The page a list asks for (1-based, at most 500 a page); defaults filled by the query pipe. */
export const PageQuery = Obj(PAGE_QUERY);
export type PageQuery = Static<typeof PageQuery>;

const WRITE_RESULT = {
  stream: Line(500, { description: 'The stream written, e.g. `units-registry`' }),
  revision: Type.Integer({
    minimum: -1,
    maximum: Number.MAX_SAFE_INTEGER,
    description: "The stream's revision after the write (-1: the stream is still empty)",
  }),
  position: Position({
    description: 'The global log position of the last event written (send it back as X-Wait-For-Position to read it)',
  }),
};

/** What every write answers: where its events went. */
export const WriteResult = Obj(WRITE_RESULT);
export type WriteResult = Static<typeof WriteResult>;

/** A write that also names what it made (the unit, the person). */
export const WriteResultWith = <P extends TProperties>(p: P) => Obj({ ...WRITE_RESULT, ...p });

/** A write on an activity: where its events went, and the activity's id (generated when not given). */
export const ActivityWritten = WriteResultWith({ activityId: Id() });
/** A write on an inspection, and the inspection's id. */
export const InspectionWritten = WriteResultWith({ inspectionId: Id() });
/** A task added, amended or cancelled: and what it did to the obligations it fans out to. */
export const TaskWritten = WriteResultWith({
  obligations: Type.Optional(
    Type.Union([
      Obj({ created: Type.Integer({ minimum: 0 }), existing: Type.Integer({ minimum: 0 }) }),
      Obj({ cancelled: Type.Integer({ minimum: 0 }) }),
    ]),
  ),
});
/** A period opened: its id and how many units are expected to report. */
export const PeriodOpenedAnswer = WriteResultWith({ periodId: Line(300), expected: Type.Integer({ minimum: 0 }) });
/** Reminders sent: to how many units. */
export const RemindedAnswer = WriteResultWith({ reminded: Type.Integer({ minimum: 0 }) });

/**
 * A query parameter listing words separated by commas (`types=obligation.,report.submitted`), given
 * once or repeated; `wordsOf` reads it as one list.
 */
export const CommaSeparated = (word: string, description: string, errorMessage: string) =>
  Type.Array(Type.String({ maxLength: 2000, pattern: `^ *${word} *(, *${word} *)*$`, errorMessage }), {
    maxItems: 20,
    description,
  });

export const wordsOf = (lists: string[] | undefined): string[] | undefined =>
  lists?.flatMap((l) =>
    l
      .split(',')
      .map((w) => w.trim())
      .filter(Boolean),
  );
