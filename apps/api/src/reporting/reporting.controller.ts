import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import type { Response } from 'express';
import { ActOnReport, CommandContext, GetCompliance, GetReport, ListPeriods, OpenPeriod, Principal, RemindMissing } from '@gl/application';
import { CurrentPrincipal, WriteContext } from '@gl/platform';
import { WriteResultDto } from '../shared/common.dto';
import { complianceWorkbook, reportWorkbook } from './xlsx';

const ID = /^[a-z0-9][a-z0-9_.-]{0,199}$/;

class AdHocDto {
  @ApiProperty() @Matches(ID, { message: 'periodId must be lower-case letters, digits, dots, dashes, underscores' }) periodId!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) title!: string;
  @ApiProperty({ example: '2024-03-01T00:00:00+07:00' }) @IsISO8601({ strict: true }) deadline!: string;
  @ApiProperty({ type: [String] }) @IsArray() @Matches(ID, { each: true, message: 'unitIds must be unit ids' }) unitIds!: string[];
}
class OpenPeriodDto {
  @ApiProperty() @Matches(ID, { message: 'regimeId must be a regime id' }) regimeId!: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional({ type: AdHocDto, description: 'An ad hoc request (đột xuất) with its own units and deadline' }) @IsOptional() @ValidateNested() @Type(() => AdHocDto) adHoc?: AdHocDto;
}
class ReminderDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) message!: string;
}
class DraftDto {
  @ApiProperty({ description: 'Indicators: whole numbers (amounts in đồng may be decimal strings)' }) @IsObject() indicators!: Record<string, number | string>;
  @ApiProperty() @IsString() @MaxLength(20_000) narrative!: string;
}
class CorrectionDto extends DraftDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
}
class NarrativeDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20_000) narrative?: string;
}
class ReturnDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
}
class ComplianceQueryDto {
  @ApiPropertyOptional({ enum: ['city', 'district', 'commune'] }) @IsOptional() @IsIn(['city', 'district', 'commune']) level?: string;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A workbook, as OpenAPI describes a download. Its text cells are strings, never formulas (exceljs writes no formula from a string). */
const XLSX_RESPONSE = { description: 'An XLSX workbook (attachment)', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } };

/**
 * Reporting (Decree 09/2019/NĐ-CP): periods of each regime, each unit's report with its versions,
 * Sở Nội vụ's compilation for the Ministry, compliance, reminders, and XLSX exports.
 */
@ApiTags('reporting')
@ApiBearerAuth()
@Controller('reporting')
export class ReportingController {
  constructor(private readonly commands: CommandBus, private readonly queries: QueryBus) {}

  @Get('periods')
  periods(@Query('regimeId') regimeId?: string) {
    return this.queries.execute(new ListPeriods(regimeId));
  }

  @Post('periods')
  @ApiOperation({ summary: "Open a regime's period for a year, or an ad hoc request (đột xuất)" })
  @ApiCreatedResponse({ type: WriteResultDto })
  open(@WriteContext() ctx: CommandContext, @Body() dto: OpenPeriodDto) {
    const input = dto.adHoc ? { regimeId: dto.regimeId, adHoc: dto.adHoc } : { regimeId: dto.regimeId, year: dto.year ?? new Date().getFullYear() };
    return this.commands.execute(new OpenPeriod(input, ctx));
  }

  @Get('periods/:periodId/compliance')
  @ApiOperation({ summary: 'Expected, received, on time, late, missing — with the lists of units' })
  compliance(@CurrentPrincipal() p: Principal, @Param('periodId') periodId: string, @Query() q: ComplianceQueryDto) {
    return this.queries.execute(new GetCompliance(p.scope, periodId, q.level));
  }

  @Get('periods/:periodId/compliance.xlsx')
  @ApiOperation({ summary: 'The compliance list as an XLSX workbook (Tình hình báo cáo)' })
  @ApiProduces(XLSX)
  @ApiOkResponse(XLSX_RESPONSE)
  async complianceXlsx(@CurrentPrincipal() p: Principal, @Param('periodId') periodId: string, @Query() q: ComplianceQueryDto, @Res() res: Response) {
    const c = await this.queries.execute(new GetCompliance(p.scope, periodId, q.level));
    res.type(XLSX).attachment(`tinh-hinh-bao-cao-${periodId}.xlsx`).send(await complianceWorkbook(c));
  }

  @Post('periods/:periodId/reminders')
  @ApiOperation({ summary: 'Đôn đốc: remind every unit that has not reported' })
  @ApiCreatedResponse({ type: WriteResultDto })
  remind(@WriteContext() ctx: CommandContext, @Param('periodId') periodId: string, @Body() dto: ReminderDto) {
    return this.commands.execute(new RemindMissing(periodId, dto.message, ctx));
  }

  @Get('periods/:periodId/reports/:unitId')
  report(@CurrentPrincipal() p: Principal, @Param('periodId') periodId: string, @Param('unitId') unitId: string) {
    return this.queries.execute(new GetReport(p.scope, periodId, unitId));
  }

  @Get('periods/:periodId/reports/:unitId/report.xlsx')
  @ApiOperation({ summary: 'A report (e.g. the compiled city report) as an XLSX workbook' })
  @ApiProduces(XLSX)
  @ApiOkResponse(XLSX_RESPONSE)
  async reportXlsx(@CurrentPrincipal() p: Principal, @Param('periodId') periodId: string, @Param('unitId') unitId: string, @Res() res: Response) {
    const r = await this.queries.execute(new GetReport(p.scope, periodId, unitId));
    const v = r.versions.find((x: { version: number }) => x.version === r.current);
    res.type(XLSX).attachment(`bao-cao-${unitId}-${periodId}.xlsx`).send(await reportWorkbook(`Báo cáo kết quả thực hiện — ${periodId}`, unitId, v));
  }

  @Post('periods/:periodId/reports/:unitId/prefill')
  @ApiOperation({ summary: "Draft the report with indicators prefilled from the unit's recorded activities and obligations" })
  @ApiCreatedResponse({ type: WriteResultDto })
  prefill(@WriteContext() ctx: CommandContext, @Param('periodId') periodId: string, @Param('unitId') unitId: string, @Body() dto: NarrativeDto) {
    return this.commands.execute(new ActOnReport(periodId, unitId, { type: 'Prefill', narrative: dto.narrative }, ctx));
  }

  @Post('periods/:periodId/reports/:unitId/compilation')
  @ApiOperation({ summary: "Sở Nội vụ: draft the city's report from the units' submitted reports (sums, and who is missing)" })
  @ApiCreatedResponse({ type: WriteResultDto })
  compile(@WriteContext() ctx: CommandContext, @Param('periodId') periodId: string, @Param('unitId') unitId: string, @Body() dto: NarrativeDto) {
    return this.commands.execute(new ActOnReport(periodId, unitId, { type: 'Compile', narrative: dto.narrative }, ctx));
  }

  @Post('periods/:periodId/reports/:unitId/draft')
  @ApiCreatedResponse({ type: WriteResultDto })
  draft(@WriteContext() ctx: CommandContext, @Param('periodId') periodId: string, @Param('unitId') unitId: string, @Body() dto: DraftDto) {
    return this.commands.execute(new ActOnReport(periodId, unitId, { type: 'Draft', ...dto }, ctx));
  }

  @Post('periods/:periodId/reports/:unitId/submission')
  @ApiOperation({ summary: "The unit head signs and submits; the time is the server's; on time means before the deadline in Vietnam time" })
  @ApiCreatedResponse({ type: WriteResultDto })
  submit(@WriteContext() ctx: CommandContext, @Param('periodId') periodId: string, @Param('unitId') unitId: string) {
    return this.commands.execute(new ActOnReport(periodId, unitId, { type: 'Submit' }, ctx));
  }

  @Post('periods/:periodId/reports/:unitId/return')
  @ApiCreatedResponse({ type: WriteResultDto })
  returnReport(@WriteContext() ctx: CommandContext, @Param('periodId') periodId: string, @Param('unitId') unitId: string, @Body() dto: ReturnDto) {
    return this.commands.execute(new ActOnReport(periodId, unitId, { type: 'Return', reason: dto.reason }, ctx));
  }

  @Post('periods/:periodId/reports/:unitId/correction')
  @ApiOperation({ summary: 'A new version that supersedes the submitted one, with a reason (then submitted again)' })
  @ApiCreatedResponse({ type: WriteResultDto })
  correct(@WriteContext() ctx: CommandContext, @Param('periodId') periodId: string, @Param('unitId') unitId: string, @Body() dto: CorrectionDto) {
    return this.commands.execute(new ActOnReport(periodId, unitId, { type: 'Correct', ...dto }, ctx));
  }
}
