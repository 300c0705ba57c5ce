import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { INSPECTION_RATINGS } from '@gl/domain';
import { IsCalendarDay, PageQueryDto } from '../shared/common.dto';

const ID = /^[a-z0-9][a-z0-9-]{0,99}$/;
const PLAN_ID = /^[a-z0-9][a-z0-9_.-]{0,199}$/;
const TASK_CODE = /^[A-Za-z0-9][A-Za-z0-9.]{0,29}$/;

/** A document: the decision to inspect (quyết định kiểm tra) or the conclusion (kết luận). */
export class InspectionDocumentDto {
  @ApiProperty({ example: '120/QĐ-SNV' }) @IsString() @MinLength(1) @MaxLength(100) number!: string;
  @ApiProperty({ example: '2023-10-02' }) @IsCalendarDay() date!: string;
  @ApiProperty({ example: 'Sở Nội vụ thành phố Cần Thơ' }) @IsString() @MinLength(1) @MaxLength(200) issuer!: string;
}

export class PlanInspectionDto {
  @ApiPropertyOptional({ description: 'Stable id; generated (from the Idempotency-Key when given) when absent' })
  @IsOptional() @Matches(ID, { message: 'inspectionId must be lower-case letters, digits and dashes' }) inspectionId?: string;
  @ApiProperty({ example: 'so-noi-vu' }) @Matches(ID, { message: 'inspectingUnitId must be a unit id' }) inspectingUnitId!: string;
  @ApiProperty({ example: 'ninh-kieu-tan-an' }) @Matches(ID, { message: 'inspectedUnitId must be a unit id' }) inspectedUnitId!: string;
  @ApiProperty({ example: 'cantho-2023-ldcs' }) @Matches(PLAN_ID, { message: 'planId must be a plan id' }) planId!: string;
  @ApiProperty({ type: [String], example: ['IV.2', 'II.4'], description: "The plan's tasks the inspection covers" })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @Matches(TASK_CODE, { each: true, message: 'taskCodes must be task codes such as II.1.d' }) taskCodes!: string[];
  @ApiProperty({ example: '2023-10-16' }) @IsCalendarDay() plannedFrom!: string;
  @ApiProperty({ example: '2023-10-20' }) @IsCalendarDay() plannedTo!: string;
  @ApiProperty({ type: InspectionDocumentDto }) @IsDefined() @ValidateNested() @Type(() => InspectionDocumentDto) decision!: InspectionDocumentDto;
  @ApiProperty({ example: 'Kiểm tra việc thực hiện Luật Thực hiện dân chủ ở cơ sở' }) @IsString() @MinLength(1) @MaxLength(500) title!: string;
}

export class InspectorDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiProperty({ example: 'Chuyên viên Sở Nội vụ' }) @IsString() @MinLength(1) @MaxLength(200) title!: string;
}

export class FindingDto {
  @ApiProperty({ example: 'IV.2' }) @Matches(TASK_CODE, { message: 'taskCode must be a task code' }) taskCode!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(5000) finding!: string;
  @ApiProperty({ enum: INSPECTION_RATINGS, description: 'tốt, khá, đạt, chưa đạt' }) @IsIn([...INSPECTION_RATINGS]) rating!: (typeof INSPECTION_RATINGS)[number];
}

export class ConductDto {
  @ApiProperty({ example: '2023-10-17' }) @IsCalendarDay() heldOn!: string;
  @ApiPropertyOptional({ example: '2023-10-18', description: 'The last day on site; heldOn when absent' }) @IsOptional() @IsCalendarDay() endedOn?: string;
  @ApiProperty({ type: [InspectorDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => InspectorDto) inspectors!: InspectorDto[];
  @ApiProperty({ type: [FindingDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => FindingDto) findings!: FindingDto[];
}

export class FollowUpRequestDto {
  @ApiPropertyOptional({ description: 'Stable id; generated when absent' }) @IsOptional() @Matches(ID, { message: 'followUpId must be lower-case letters, digits and dashes' }) followUpId?: string;
  @ApiProperty({ description: 'What the inspected unit must do (kiến nghị)' }) @IsString() @MinLength(1) @MaxLength(5000) request!: string;
  @ApiProperty({ example: '2023-10-25' }) @IsCalendarDay() requestedOn!: string;
  @ApiProperty({ example: '2023-11-30' }) @IsCalendarDay() dueOn!: string;
}

export class FollowUpAnswerDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(5000) answer!: string;
  @ApiProperty({ example: '2023-11-20' }) @IsCalendarDay() answeredOn!: string;
  @ApiPropertyOptional({ example: '5/BC-UBND' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(100) documentNumber?: string;
}

export class CloseInspectionDto {
  @ApiProperty({ example: '2023-12-01' }) @IsCalendarDay() closedOn!: string;
  @ApiProperty({ description: 'Kết luận kiểm tra' }) @IsString() @MinLength(1) @MaxLength(20_000) conclusion!: string;
  @ApiProperty({ type: InspectionDocumentDto }) @IsDefined() @ValidateNested() @Type(() => InspectionDocumentDto) document!: InspectionDocumentDto;
}

export class InspectionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'The inspected or the inspecting unit' }) @IsOptional() @Matches(ID, { message: 'unitId must be a unit id' }) unitId?: string;
  @ApiPropertyOptional({ example: 2023 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional({ enum: ['planned', 'conducted', 'closed'] }) @IsOptional() @IsIn(['planned', 'conducted', 'closed']) status?: string;
}
