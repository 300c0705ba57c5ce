import { Controller, Get, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ActOnReport,
  CommandContext,
  GetCompliance,
  GetReport,
  GetUnit,
  ListPeriods,
  OpenPeriod,
  Principal,
  RemindMissing,
} from '@gl/application';
import { foldForSearch, Id, LEVEL_NAMES_VI, ReportingId, UnitLevel, vietnamDateOf } from '@gl/domain';
import { Answers, BodyOf, CurrentPrincipal, ParamOf, QueryOf, WriteContext } from '@gl/platform';
import { PeriodOpenedAnswer, RemindedAnswer, WriteResult } from '../shared/common.schemas';
import {
  ComplianceQuery,
  DraftBody,
  NarrativeBody,
  OpenPeriodBody,
  PeriodsQuery,
  ReminderBody,
  ReportCorrectionBody,
  ReturnBody,
} from './reporting.bodies';
import { ComplianceAnswer, PeriodListAnswer, ReportAnswer } from './reporting.responses';
import { attachmentDisposition } from '../shared/content-disposition';
import { complianceWorkbook, reportWorkbook } from './xlsx';

const PeriodId = ReportingId();
const UnitId = Id();

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A workbook, as OpenAPI describes a download. Its text cells are strings, never formulas (exceljs writes no formula from a string). */
const XLSX_RESPONSE = {
  description: 'An XLSX workbook (attachment)',
  content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } },
};

/**
 * Reporting (Decree 09/2019/NĐ-CP): periods of each regime, each unit's report with its versions,
 * Sở Nội vụ's compilation for the Ministry, compliance, reminders, and XLSX exports.
 */
@ApiTags('reporting')
@ApiBearerAuth()
@Controller('reporting')
export class ReportingController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('periods')
  @ApiOperation({ summary: "Reporting periods (kỳ báo cáo) in scope: each regime's years and ad hoc requests" })
  @Answers(PeriodListAnswer)
  periods(@QueryOf(PeriodsQuery) q: PeriodsQuery) {
    return this.queries.execute(new ListPeriods(q.regimeId));
  }

  @Post('periods')
  @ApiOperation({ summary: "Open a regime's period for a year, or an ad hoc request (đột xuất)" })
  @Answers(PeriodOpenedAnswer, 201, 'Recorded: where its events went (send position as X-Wait-For-Position to read it)')
  open(@WriteContext() ctx: CommandContext, @BodyOf(OpenPeriodBody) dto: OpenPeriodBody) {
    const input = dto.adHoc ? { regimeId: dto.regimeId, adHoc: dto.adHoc } : { regimeId: dto.regimeId, year: dto.year };
    return this.commands.execute(new OpenPeriod(input, ctx));
  }

  @Get('periods/:periodId/compliance')
  @ApiOperation({ summary: 'Expected, received, on time, late, missing — with the lists of units' })
  @Answers(ComplianceAnswer)
  compliance(
    @CurrentPrincipal() p: Principal,
    @ParamOf('periodId', PeriodId) periodId: string,
    @QueryOf(ComplianceQuery) q: ComplianceQuery,
  ) {
    return this.queries.execute(new GetCompliance(p.scope, periodId, q.level));
  }

  @Get('periods/:periodId/compliance.xlsx')
  @ApiOperation({ summary: 'The compliance list as an XLSX workbook (Tình hình báo cáo)' })
  @ApiProduces(XLSX)
  @ApiOkResponse(XLSX_RESPONSE)
  async complianceXlsx(
    @CurrentPrincipal() p: Principal,
    @ParamOf('periodId', PeriodId) periodId: string,
    @QueryOf(ComplianceQuery) q: ComplianceQuery,
    @Res() res: Response,
  ) {
    const c = await this.queries.execute(new GetCompliance(p.scope, periodId, q.level));
    // One name per export: the level, when there is one, is in the name (cấp xã → cap-xa).
    const level = q.level ? LEVEL_NAMES_VI[q.level as UnitLevel] : undefined;
    const ascii = level ? `-${foldForSearch(level).replace(/ /g, '-')}` : '';
    res
      .type(XLSX)
      .setHeader(
        'Content-Disposition',
        attachmentDisposition(
          `tinh-hinh-bao-cao-${periodId}${ascii}.xlsx`,
          `Tình hình báo cáo ${periodId}${level ? ` ${level}` : ''}.xlsx`,
        ),
      )
      .send(await complianceWorkbook(c));
  }

  @Post('periods/:periodId/reminders')
  @ApiOperation({ summary: 'Đôn đốc: remind every unit that has not reported' })
  @Answers(RemindedAnswer, 201, 'Recorded: where its events went (send position as X-Wait-For-Position to read it)')
  remind(
    @WriteContext() ctx: CommandContext,
    @ParamOf('periodId', PeriodId) periodId: string,
    @BodyOf(ReminderBody) dto: ReminderBody,
  ) {
    return this.commands.execute(new RemindMissing(periodId, dto.message, ctx));
  }

  @Get('periods/:periodId/reports/:unitId')
  @ApiOperation({ summary: "One unit's report for a period: every version, which was submitted, on time or late" })
  @Answers(ReportAnswer)
  report(
    @CurrentPrincipal() p: Principal,
    @ParamOf('periodId', PeriodId) periodId: string,
    @ParamOf('unitId', UnitId) unitId: string,
  ) {
    return this.queries.execute(new GetReport(p.scope, periodId, unitId));
  }

  @Get('periods/:periodId/reports/:unitId/report.xlsx')
  @ApiOperation({ summary: 'A report (e.g. the compiled city report) as an XLSX workbook' })
  @ApiProduces(XLSX)
  @ApiOkResponse(XLSX_RESPONSE)
  async reportXlsx(
    @CurrentPrincipal() p: Principal,
    @ParamOf('periodId', PeriodId) periodId: string,
    @ParamOf('unitId', UnitId) unitId: string,
    @Res() res: Response,
  ) {
    const r = await this.queries.execute(new GetReport(p.scope, periodId, unitId));
    const v = r.versions.find((x: { version: number }) => x.version === r.current);
    const { items } = await this.queries.execute(new ListPeriods());
    const period = (items as { periodId: string; title?: string; deadline?: string }[]).find(
      (x) => x.periodId === periodId,
    );
    // The unit's name as it stood when its report fell due (the last day on time); the id if unknown.
    const unit = period?.deadline
      ? await this.queries
          .execute(new GetUnit(p.scope, unitId, vietnamDateOf(new Date(Date.parse(period.deadline) - 1))))
          .catch(() => null)
      : null;
    const unitName: string = unit?.onDate?.name ?? unitId;
    res
      .type(XLSX)
      .setHeader(
        'Content-Disposition',
        attachmentDisposition(`bao-cao-${unitId}-${periodId}.xlsx`, `Báo cáo ${unitName} ${periodId}.xlsx`),
      )
      .send(
        await reportWorkbook(
          { periodId, periodTitle: period?.title ?? periodId, deadline: period?.deadline ?? null, unitId, unitName },
          v,
        ),
      );
  }

  @Post('periods/:periodId/reports/:unitId/prefill')
  @ApiOperation({
    summary: "Draft the report with indicators prefilled from the unit's recorded activities and obligations",
  })
  @Answers(WriteResult, 201, 'Recorded: where its events went (send position as X-Wait-For-Position to read it)')
  prefill(
    @WriteContext() ctx: CommandContext,
    @ParamOf('periodId', PeriodId) periodId: string,
    @ParamOf('unitId', UnitId) unitId: string,
    @BodyOf(NarrativeBody) dto: NarrativeBody,
  ) {
    return this.commands.execute(new ActOnReport(periodId, unitId, { type: 'Prefill', narrative: dto.narrative }, ctx));
  }

  @Post('periods/:periodId/reports/:unitId/compilation')
  @ApiOperation({
    summary: "Sở Nội vụ: draft the city's report from the units' submitted reports (sums, and who is missing)",
  })
  @Answers(WriteResult, 201, 'Recorded: where its events went (send position as X-Wait-For-Position to read it)')
  compile(
    @WriteContext() ctx: CommandContext,
    @ParamOf('periodId', PeriodId) periodId: string,
    @ParamOf('unitId', UnitId) unitId: string,
    @BodyOf(NarrativeBody) dto: NarrativeBody,
  ) {
    return this.commands.execute(new ActOnReport(periodId, unitId, { type: 'Compile', narrative: dto.narrative }, ctx));
  }

  @Post('periods/:periodId/reports/:unitId/draft')
  @ApiOperation({ summary: "Draft (or redraft) the unit's report: indicators and narrative" })
  @Answers(WriteResult, 201, 'Recorded: where its events went (send position as X-Wait-For-Position to read it)')
  draft(
    @WriteContext() ctx: CommandContext,
    @ParamOf('periodId', PeriodId) periodId: string,
    @ParamOf('unitId', UnitId) unitId: string,
    @BodyOf(DraftBody) dto: DraftBody,
  ) {
    return this.commands.execute(new ActOnReport(periodId, unitId, { type: 'Draft', ...dto }, ctx));
  }

  @Post('periods/:periodId/reports/:unitId/submission')
  @ApiOperation({
    summary:
      "The unit head signs and submits; the time is the server's; on time means before the deadline in Vietnam time",
  })
  @Answers(WriteResult, 201, 'Recorded: where its events went (send position as X-Wait-For-Position to read it)')
  submit(
    @WriteContext() ctx: CommandContext,
    @ParamOf('periodId', PeriodId) periodId: string,
    @ParamOf('unitId', UnitId) unitId: string,
  ) {
    return this.commands.execute(new ActOnReport(periodId, unitId, { type: 'Submit' }, ctx));
  }

  @Post('periods/:periodId/reports/:unitId/return')
  @ApiOperation({ summary: 'The recipient returns a submitted report, with a reason' })
  @Answers(WriteResult, 201, 'Recorded: where its events went (send position as X-Wait-For-Position to read it)')
  returnReport(
    @WriteContext() ctx: CommandContext,
    @ParamOf('periodId', PeriodId) periodId: string,
    @ParamOf('unitId', UnitId) unitId: string,
    @BodyOf(ReturnBody) dto: ReturnBody,
  ) {
    return this.commands.execute(new ActOnReport(periodId, unitId, { type: 'Return', reason: dto.reason }, ctx));
  }

  @Post('periods/:periodId/reports/:unitId/correction')
  @ApiOperation({ summary: 'A new version that supersedes the submitted one, with a reason (then submitted again)' })
  @Answers(WriteResult, 201, 'Recorded: where its events went (send position as X-Wait-For-Position to read it)')
  correct(
    @WriteContext() ctx: CommandContext,
    @ParamOf('periodId', PeriodId) periodId: string,
    @ParamOf('unitId', UnitId) unitId: string,
    @BodyOf(ReportCorrectionBody) dto: ReportCorrectionBody,
  ) {
    return this.commands.execute(new ActOnReport(periodId, unitId, { type: 'Correct', ...dto }, ctx));
  }
}
