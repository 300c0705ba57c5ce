import { Controller, Get, Inject, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ActOnReport,
  CommandContext,
  GetCompliance,
  GetPlan,
  GetReport,
  GetUnit,
  GetUser,
  ListPeriods,
  OpenPeriod,
  Principal,
  RemindMissing,
  systemScope,
} from '@gl/application';
import {
  Clock,
  foldForSearch,
  Id,
  LEVEL_NAMES_VI,
  MONEY_INDICATORS,
  ReportingId,
  UnitLevel,
  vietnamDateOf,
} from '@gl/domain';
import { Answers, BodyOf, CLOCK, CurrentPrincipal, ParamOf, QueryOf, WriteContext } from '@gl/platform';
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
import { reportDocx } from './docx';
import { HeadingUnit, recipientName } from './docx-letter';

const PeriodId = ReportingId();
const UnitId = Id();

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A workbook, as OpenAPI describes a download. Its text cells are strings, never formulas (exceljs writes no formula from a string). */
const XLSX_RESPONSE = {
  description: 'An XLSX workbook (attachment)',
  content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } },
};
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** A Word document, as OpenAPI describes a download. */
const DOCX_RESPONSE = {
  description: 'A DOCX document (attachment) in the layout of Decree 30/2020/NĐ-CP',
  content: { [DOCX]: { schema: { type: 'string', format: 'binary' } } },
};

type PeriodItem = {
  periodId: string;
  title?: string;
  deadline?: string;
  year?: number | null;
  planId?: string;
  recipientUnitId?: string;
};

/**
 * Reporting (Decree 09/2019/NĐ-CP): periods of each regime, each unit's report with its versions,
 * Sở Nội vụ's compilation for the Ministry, compliance, reminders, and XLSX and DOCX exports.
 */
@ApiTags('reporting')
@ApiBearerAuth()
@Controller('reporting')
export class ReportingController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The period, and the day whose unit tree names the units: the last day on time (today when the period is unknown). */
  private async periodOf(periodId: string): Promise<{ period: PeriodItem | undefined; asOf: string | null }> {
    const { items } = await this.queries.execute(new ListPeriods());
    const period = (items as PeriodItem[]).find((x) => x.periodId === periodId);
    return { period, asOf: period?.deadline ? vietnamDateOf(new Date(Date.parse(period.deadline) - 1)) : null };
  }

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
    const { period, asOf } = await this.periodOf(periodId);
    // The unit's name as it stood when its report fell due (the last day on time); the id if unknown.
    const unit = asOf ? await this.queries.execute(new GetUnit(p.scope, unitId, asOf)).catch(() => null) : null;
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

  @Get('periods/:periodId/reports/:unitId/report.docx')
  @ApiOperation({
    summary:
      "A report (e.g. the city's compiled report to Bộ Nội vụ) as a DOCX document in the layout of Decree 30/2020/NĐ-CP",
  })
  @ApiProduces(DOCX)
  @ApiOkResponse(DOCX_RESPONSE)
  async reportDocx(
    @CurrentPrincipal() p: Principal,
    @ParamOf('periodId', PeriodId) periodId: string,
    @ParamOf('unitId', UnitId) unitId: string,
    @Res() res: Response,
  ) {
    // The caller's scope decides whether the report is readable, as for report.xlsx.
    const r = await this.queries.execute(new GetReport(p.scope, periodId, unitId));
    const v = r.versions.find((x: { version: number }) => x.version === r.current);
    const { period, asOf } = await this.periodOf(periodId);
    const day = asOf ?? vietnamDateOf(this.clock.now());
    // The heading names public bodies (the unit's city, the recipient), read in the system's scope:
    // a ward's reporter may not read the city's records, but the letter names the city.
    const unitOn = async (id: string | null | undefined) =>
      id ? ((await this.queries.execute(new GetUnit(systemScope(), id, day)).catch(() => null))?.onDate ?? null) : null;
    const unit: (HeadingUnit & { parentId: string | null }) | null = await unitOn(unitId);
    let city: (HeadingUnit & { parentId: string | null }) | null = unit;
    for (let hops = 0; city && city.kind !== 'city-peoples-committee' && hops < 10; hops++)
      city = await unitOn(city.parentId);
    if (city?.kind !== 'city-peoples-committee') city = null;
    const recipient = await unitOn(period?.recipientUnitId);
    const plan = period?.planId ? await this.queries.execute(new GetPlan(period.planId)).catch(() => null) : null;
    const planIssuer = await unitOn(plan?.issued?.issuerUnitId);
    const signer = v.signedBy ? await this.queries.execute(new GetUser(p.scope, v.signedBy)).catch(() => null) : null;
    const unitName = unit?.name ?? unitId;
    res
      .type(DOCX)
      .setHeader(
        'Content-Disposition',
        attachmentDisposition(`bao-cao-${unitId}-${periodId}.docx`, `Báo cáo ${unitName} ${periodId}.docx`),
      )
      .send(
        await reportDocx({
          period: { title: period?.title ?? periodId, year: period?.year ?? null },
          unit: { name: unitName, kind: unit?.kind ?? 'other' },
          city,
          recipient: recipient ? recipientName(recipient) : (period?.recipientUnitId ?? ''),
          plan: plan?.issued
            ? [
                plan.issued.title,
                plan.issued.number && `số ${plan.issued.number}`,
                planIssuer && `của ${planIssuer.name}`,
              ]
                .filter(Boolean)
                .join(' ')
            : null,
          version: v,
          signerName: signer?.displayName ?? null,
          // Dated the day it was signed and sent, in Vietnam; a draft, the day it is printed.
          day: vietnamDateOf(v.submittedAt ? new Date(v.submittedAt) : this.clock.now()),
          moneyIndicators: MONEY_INDICATORS,
        }),
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
