import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { BUDGET_TOTALS_BY, BudgetTotalsBy } from '@gl/application';
import { ACTIVITY_KINDS } from '@gl/domain';
import { IsCalendarDay, PageQueryDto } from '../shared/common.dto';

const ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

export class RecordActivityDto {
  @ApiPropertyOptional({ description: 'Stable id; generated (from the Idempotency-Key when given) when absent' })
  @IsOptional() @Matches(ID, { message: 'activityId must be lower-case letters, digits and dashes' }) activityId?: string;
  @ApiProperty({ example: 'ninh-kieu-tan-an' }) @Matches(ID, { message: 'unitId must be a unit id' }) unitId!: string;
  @ApiPropertyOptional({ example: 'cantho-2023-ldcs.II.1.d.ninh-kieu-tan-an', description: 'The obligation it fulfils' })
  @IsOptional() @IsString() @MaxLength(300) obligationId?: string;
  @ApiProperty({ example: 2023 }) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiProperty({ description: "The kind's own fields (see docs/events.md), e.g. for a conference: level, heldOn, place, chairedBy, participants, evidence" })
  @IsObject() details!: Record<string, unknown>;
}

export class StepDto {
  @ApiProperty({ description: "The step's fields, e.g. an approval: { amount, by }" }) @IsObject() details!: Record<string, unknown>;
}

export class CorrectionDto {
  @ApiProperty({ description: 'The fields to replace' }) @IsObject() changes!: Record<string, unknown>;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
}

export class WithdrawalDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
}

export class ActivitiesQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @Matches(ID, { message: 'unitId must be a unit id' }) unitId?: string;
  @ApiPropertyOptional({ enum: ACTIVITY_KINDS }) @IsOptional() @IsIn(ACTIVITY_KINDS) kind?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(ID, { message: 'planId must be a plan id' }) planId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20) taskCode?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) obligationId?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Boolean) @IsBoolean() includeWithdrawn?: boolean;
}

export class YearQueryDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year!: number;
}

export class BudgetTotalsQueryDto extends YearQueryDto {
  @ApiPropertyOptional({ enum: BUDGET_TOTALS_BY, default: 'unit', description: 'source: state-budget, other, unspecified (estimates recorded before sources were); level: city, district, commune of the state budget, and other, unspecified' })
  @IsOptional() @IsIn(BUDGET_TOTALS_BY) by?: BudgetTotalsBy;
}

export class CoverageQueryDto {
  @ApiProperty({ example: 'commune' }) @IsIn(['department', 'district', 'commune', 'state-enterprise', 'non-state-enterprise', 'public-service-unit']) kind!: string;
  @ApiProperty({ example: '2023-12-31' }) @IsCalendarDay() asOf!: string;
  @ApiPropertyOptional({ example: 'ninh-kieu', description: "Only units under this one on asOf (default: the tree the reader's unit stood in that day)" })
  @IsOptional() @Matches(/^[a-z0-9][a-z0-9-]{0,99}$/, { message: 'underId must be a unit id' }) underId?: string;
}
