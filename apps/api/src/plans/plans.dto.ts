import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsDefined, IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested,
} from 'class-validator';
import { UNIT_GROUPS } from '@gl/domain';
import { IsCalendarDay, LegalBasisDto, PageQueryDto } from '../shared/common.dto';

const ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

export class AddresseeDto {
  @ApiPropertyOptional() @IsOptional() @Matches(ID, { message: 'unitId must be a unit id' }) unitId?: string;
  @ApiPropertyOptional({ enum: UNIT_GROUPS }) @IsOptional() @IsIn(UNIT_GROUPS) group?: (typeof UNIT_GROUPS)[number];
}

const addressees = () => (target: object, key: string) => {
  ApiProperty({ type: [AddresseeDto] })(target, key);
  IsArray()(target, key);
  ArrayMaxSize(50)(target, key);
  ValidateNested({ each: true })(target, key);
  Type(() => AddresseeDto)(target, key);
};

export class TaskDto {
  @ApiProperty({ example: 'II.1.d' }) @Matches(/^[IVX]+(\.\d+)?(\.[a-z])?$/, { message: 'code must look like II.1.a or IV.2' }) code!: string;
  @ApiProperty({ example: 'II.1' }) @IsString() @MaxLength(20) section!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(1000) title!: string;
  @ApiProperty() @IsString() @MaxLength(5000) description!: string;
  @addressees() lead!: AddresseeDto[];
  @addressees() performers!: AddresseeDto[];
  @addressees() coordinating!: AddresseeDto[];
  @ApiProperty({ enum: ['assigned', 'requested'] }) @IsIn(['assigned', 'requested']) obligation!: 'assigned' | 'requested';
  @ApiProperty({ description: 'e.g. {"kind":"quarters","year":2023,"quarters":[3,4],"join":"or"}' }) @IsObject() timeFrame!: Record<string, unknown>;
  @ApiProperty({ example: 'Quý III hoặc quý IV năm 2023' }) @IsString() @MaxLength(300) timeWords!: string;
  @ApiPropertyOptional({ enum: ['detailed-plan'], description: 'the duty is to issue a detailed plan (plan IV.2): the detailed plan issued under it completes it' })
  @IsOptional() @IsIn(['detailed-plan']) dischargedBy?: 'detailed-plan';
}

export class AmendTaskDto {
  @ApiProperty({ type: TaskDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => TaskDto) task!: TaskDto;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(1000) reason!: string;
}

export class CancelTaskDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(1000) reason!: string;
}

export class SignerDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) title!: string;
}

export class RecipientDto {
  @ApiProperty() @Matches(ID, { message: 'key must be lower-case letters, digits and dashes' }) key!: string;
  @ApiProperty() @IsString() @MaxLength(300) label!: string;
  @ApiProperty({ type: [String] }) @IsArray() @Matches(ID, { each: true, message: 'unitIds must be unit ids' }) unitIds!: string[];
  @ApiProperty({ enum: UNIT_GROUPS, isArray: true }) @IsArray() @IsIn(UNIT_GROUPS, { each: true }) groups!: (typeof UNIT_GROUPS)[number][];
}

export class ParentPlanDto {
  @ApiProperty() @Matches(ID, { message: 'planId must be a plan id' }) planId!: string;
  @ApiProperty({ type: [String] }) @IsArray() @IsString({ each: true }) taskCodes!: string[];
}

export class DifficultyChannelDto {
  @ApiProperty() @Matches(ID, { message: 'reportToUnitId must be a unit id' }) reportToUnitId!: string;
  @ApiProperty() @IsString() @MaxLength(2000) text!: string;
}

export class IssuePlanDto {
  @ApiProperty({ example: 'ninh-kieu-tan-an-2023' }) @Matches(ID, { message: 'planId must be lower-case letters, digits and dashes' }) planId!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) number?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDay() issuedOn?: string;
  @ApiProperty() @IsCalendarDay() assignedOn!: string;
  @ApiProperty() @Matches(ID, { message: 'issuerUnitId must be a unit id' }) issuerUnitId!: string;
  @ApiProperty({ type: SignerDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => SignerDto) signer!: SignerDto;
  @ApiProperty({ type: [LegalBasisDto] }) @IsArray() @ValidateNested({ each: true }) @Type(() => LegalBasisDto) legalBasis!: LegalBasisDto[];
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) title!: string;
  @ApiProperty({ type: [String] }) @IsArray() @IsString({ each: true }) purposes!: string[];
  @ApiProperty({ type: [String] }) @IsArray() @IsString({ each: true }) requirements!: string[];
  @ApiProperty() @IsArray() @IsObject({ each: true }) sections!: { code: string; title: string }[];
  @ApiProperty({ type: [String] }) @IsArray() @IsString({ each: true }) budgetDuties!: string[];
  @ApiProperty({ type: DifficultyChannelDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => DifficultyChannelDto) difficultyChannel!: DifficultyChannelDto;
  @ApiProperty({ type: [RecipientDto] }) @IsArray() @ValidateNested({ each: true }) @Type(() => RecipientDto) recipients!: RecipientDto[];
  @ApiPropertyOptional({ type: ParentPlanDto, description: 'For a detailed plan (kế hoạch chi tiết)' }) @IsOptional() @ValidateNested() @Type(() => ParentPlanDto) parent?: ParentPlanDto;
}

export class ReceiptDto {
  @ApiProperty() @Matches(ID, { message: 'recipientKey must be a key of the distribution list' }) recipientKey!: string;
  @ApiProperty() @Matches(ID, { message: 'unitId must be a unit id' }) unitId!: string;
}

export class ReceiptUnitDto {
  @ApiProperty() unitId!: string;
  @ApiProperty({ description: "The unit's name on the plan's assignment day" }) name!: string;
}

export class AcknowledgedReceiptDto extends ReceiptUnitDto {
  @ApiProperty({ description: 'When it was acknowledged (recorded time)' }) at!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The user who recorded it' }) by!: string | null;
}

export class ReceiptLineDto {
  @ApiProperty() key!: string;
  @ApiProperty({ description: 'The line of the distribution list (Nơi nhận)' }) label!: string;
  @ApiProperty({ type: [String] }) unitIds!: string[];
  @ApiProperty({ enum: UNIT_GROUPS, isArray: true }) groups!: string[];
  @ApiProperty({ description: 'How many units the line stands for on the plan\'s day' }) units!: number;
  @ApiProperty({ type: [AcknowledgedReceiptDto] }) acknowledged!: AcknowledgedReceiptDto[];
  @ApiProperty({ type: [ReceiptUnitDto] }) pending!: ReceiptUnitDto[];
}

export class ReceiptTotalsDto {
  @ApiProperty() units!: number;
  @ApiProperty() acknowledged!: number;
  @ApiProperty() pending!: number;
}

export class PlanReceiptsDto {
  @ApiProperty() planId!: string;
  @ApiProperty({ description: "The plan's assignment day: groups are expanded on the tree of that day" }) on!: string;
  @ApiProperty({ type: [ReceiptLineDto] }) lines!: ReceiptLineDto[];
  @ApiProperty({ type: ReceiptTotalsDto }) totals!: ReceiptTotalsDto;
}

export class ObligationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @Matches(ID, { message: 'planId must be a plan id' }) planId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20) taskCode?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(ID, { message: 'unitId must be a unit id' }) unitId?: string;
  @ApiPropertyOptional({ enum: ['open', 'acknowledged', 'in-progress', 'completed', 'cancelled', 'passed'] })
  @IsOptional() @IsIn(['open', 'acknowledged', 'in-progress', 'completed', 'cancelled', 'passed']) status?: string;
  @ApiPropertyOptional({ enum: ['lead', 'performer', 'coordinating'] }) @IsOptional() @IsIn(['lead', 'performer', 'coordinating']) role?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) overdue?: 'true' | 'false';
  @ApiPropertyOptional({ description: 'Deadlines from this day (Vietnam)' }) @IsOptional() @IsCalendarDay() deadlineFrom?: string;
  @ApiPropertyOptional({ description: 'Deadlines before this day (Vietnam)' }) @IsOptional() @IsCalendarDay() deadlineTo?: string;
}
