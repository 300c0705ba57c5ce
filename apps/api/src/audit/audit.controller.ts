import { BadRequestException, Controller, Get, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  EventFilter,
  GetStreamHistory,
  ListEvents,
  NotPermittedError,
  pageOfEvents,
  Principal,
  TimeTravel,
  EventWithSubjects,
  SubjectResolver,
} from '@gl/application';
import { EventStore, verifyRecord } from '@gl/event-store';
import { Answers, CurrentPrincipal, QueryOf, RAW_EVENT_STORE, SEAL_KEYS, SealKeys } from '@gl/platform';
import { wordsOf } from '../shared/common.schemas';
import { AuditFilterQuery, AuditQuery, ReadModelAsOfQuery, VerifyQuery } from './audit.requests';
import {
  EventsPageSchema,
  ReadModelAsOfAnswer,
  RecordVerificationAnswer,
  SealKeyAnswer,
  StreamHistorySchema,
} from './audit.responses';
import { decodePins } from './pins';
import { csvLine } from './csv';

const NDJSON = 'application/x-ndjson';
const CSV = 'text/csv';
const CSV_COLUMNS = [
  'position',
  'stream',
  'revision',
  'type',
  'eventId',
  'recordedAt',
  'occurredAt',
  'actor',
  'actorUnit',
  'roles',
  'subjectUnits',
  'reason',
  'prevHash',
  'hash',
  'data',
];
const csvRow = (e: EventWithSubjects) =>
  csvLine([
    e.position,
    e.stream,
    e.revision,
    e.type,
    e.eventId,
    e.metadata.recordedAt,
    e.metadata.occurredAt ?? '',
    e.metadata.actor.userId,
    e.metadata.actor.unitId ?? '',
    e.metadata.actor.roles.join(' '),
    e.subjectUnitIds.join(' '),
    e.metadata.reason ?? '',
    e.metadata.prevHash,
    e.metadata.hash,
    e.data,
  ]);

/**
 * The audit trail: who recorded what, for which unit, when (recorded and business time); any stream's
 * full history with hashes; the hash chains verified; exports with hashes. Auditors see everything.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(RAW_EVENT_STORE) private readonly raw: EventStore,
    private readonly timeTravel: TimeTravel,
    @Inject(SEAL_KEYS) private readonly sealKeys: SealKeys,
    private readonly subjects: SubjectResolver,
  ) {}

  /** The filters of a page or an export; a page's limit is apart. */
  private filter(q: AuditFilterQuery | AuditQuery): EventFilter {
    const { limit: _limit, ...f } = { limit: undefined, ...q };
    return { ...f, types: wordsOf(q.types), categories: wordsOf(q.categories) };
  }

  @Get('events')
  @ApiOperation({ summary: 'Events by actor, unit, type, stream and period (recorded or business time)' })
  @Answers(EventsPageSchema)
  events(@CurrentPrincipal() p: Principal, @QueryOf(AuditQuery) q: AuditQuery) {
    return this.queries.execute(new ListEvents(p.scope, this.filter(q), q.limit));
  }

  @Get('streams/:stream')
  @ApiOperation({ summary: "A stream's full history: each event's actor, roles, reason, times and hash" })
  @Answers(StreamHistorySchema)
  stream(@CurrentPrincipal() p: Principal, @Param('stream') stream: string) {
    return this.queries.execute(new GetStreamHistory(p.scope, stream));
  }

  @Get('verify')
  @ApiOperation({
    summary:
      "Recompute every stream's hash chain, look for missing positions, check every seal and any pinned seal; names the first bad event, gap, sealed range or pin (auditors and coordinators)",
    description:
      'Pin seals kept from GET /api/v1/audit/seals/latest with `pin` (base64url of the JSON; repeat for several): `ok` is false when ' +
      "the log no longer holds a pinned seal with its range, count and root, or is shorter than it. Gaps are looked for where the store's " +
      'positions are dense (SQLite); elsewhere `gaps.applies` is false.',
  })
  @Answers(RecordVerificationAnswer)
  async verify(
    @CurrentPrincipal() p: Principal,
    @QueryOf(VerifyQuery) q: VerifyQuery,
  ): Promise<RecordVerificationAnswer> {
    if (!p.scope.readsAll && !p.scope.roles.includes('plan-coordinator'))
      throw new NotPermittedError('verifying the record is for auditors and the plan coordinator');
    const pins = decodePins(q.pin ?? []);
    const started = Date.now();
    const r = await verifyRecord(this.raw, this.sealKeys.publicKey, pins);
    return { ...r, seconds: (Date.now() - started) / 1000 };
  }

  @Get('seal-key')
  @ApiOperation({
    summary: 'The public key that signs the seals (Ed25519, PEM) and its id: pin it to check seals independently',
  })
  @Answers(SealKeyAnswer)
  sealKey() {
    return { algorithm: 'Ed25519' as const, keyId: this.sealKeys.keyId, publicKeyPem: this.sealKeys.publicKeyPem };
  }

  @Get('read-models/:collection/:id')
  @ApiOperation({ summary: 'Any read-model document as it was at a global position or recorded instant (auditors)' })
  @Answers(ReadModelAsOfAnswer)
  async asOf(
    @CurrentPrincipal() p: Principal,
    @Param('collection') collection: string,
    @Param('id') id: string,
    @QueryOf(ReadModelAsOfQuery) q: ReadModelAsOfQuery,
  ) {
    if (!p.scope.readsAll) throw new NotPermittedError('reading past read models directly is for auditors');
    const at = q.asOfPosition ?? (q.asOfRecorded ? await this.timeTravel.positionAt(q.asOfRecorded) : undefined);
    if (at === undefined) throw new BadRequestException('give asOfPosition or asOfRecorded');
    const doc = await (await this.timeTravel.storeAt(at, [collection])).get(collection, id);
    if (!doc) throw new NotFoundException(`no ${collection} ${id} at position ${at}`);
    return { asOfPosition: at, document: doc };
  }

  @Get('export.ndjson')
  @ApiOperation({ summary: 'The filtered events as NDJSON, with hashes' })
  @ApiProduces(NDJSON)
  @ApiOkResponse({
    description: 'One event a line (JSON), as GET /audit/events gives them',
    content: { [NDJSON]: { schema: { type: 'string' } } },
  })
  async ndjson(@CurrentPrincipal() p: Principal, @QueryOf(AuditFilterQuery) q: AuditFilterQuery, @Res() res: Response) {
    // attachment() sets the type from the file's extension, which Express does not know: the type goes after it.
    res.attachment('audit.ndjson').type(NDJSON);
    await this.export(p, q, res, (e) => `${JSON.stringify(e)}\n`);
  }

  @Get('export.csv')
  @ApiOperation({
    summary:
      'The filtered events as CSV (UTF-8 with BOM), with hashes; a cell that would be read as a formula starts with a single quote',
  })
  @ApiProduces(CSV)
  @ApiOkResponse({
    description: `Columns: ${CSV_COLUMNS.join(', ')}`,
    content: { [CSV]: { schema: { type: 'string' } } },
  })
  async csv(@CurrentPrincipal() p: Principal, @QueryOf(AuditFilterQuery) q: AuditFilterQuery, @Res() res: Response) {
    res.attachment('audit.csv').type(`${CSV}; charset=utf-8`);
    res.write(`\uFEFF${csvLine(CSV_COLUMNS)}`);
    await this.export(p, q, res, csvRow);
  }

  private async export(p: Principal, q: AuditFilterQuery, res: Response, line: (e: EventWithSubjects) => string) {
    let after = q.after;
    for (;;) {
      const page = await pageOfEvents(this.raw, this.subjects, p.scope, { ...this.filter(q), after }, 1000);
      for (const e of page.items) res.write(line(e));
      if (page.isEnd) break;
      after = page.next;
    }
    res.end();
  }
}
