import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested,
} from 'class-validator';
import { UNIT_KINDS, UNIT_LEVELS, UNIT_SUBTYPES } from '@gl/domain';
import { EffectiveDto, IsCalendarDay, LegalBasisDto, PageQueryDto } from '../shared/common.dto';

const ID = /^[a-z0-9][a-z0-9-]{0,99}$/;
const idMessage = 'must be lower-case letters, digits and dashes (at most 100)';

export class UnitCodeDto {
  @ApiProperty({ example: '31135' }) @IsString() @MinLength(1) @MaxLength(50) code!: string;
  @ApiProperty({ example: 'gso-dvhc' }) @IsString() @MinLength(1) @MaxLength(50) table!: string;
}

export class NewUnitDto {
  @ApiPropertyOptional({ description: 'Stable internal id; generated when absent' }) @IsOptional() @Matches(ID, { message: `unitId ${idMessage}` }) unitId?: string;
  @ApiProperty({ example: 'Phường Tân An' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiPropertyOptional({ example: 'Tân An Ward' }) @IsOptional() @IsString() @MaxLength(200) nameEn?: string;
  @ApiPropertyOptional({ type: UnitCodeDto }) @IsOptional() @ValidateNested() @Type(() => UnitCodeDto) code?: UnitCodeDto;
  @ApiProperty({ enum: UNIT_KINDS }) @IsIn(UNIT_KINDS) kind!: (typeof UNIT_KINDS)[number];
  @ApiPropertyOptional({ enum: UNIT_SUBTYPES }) @IsOptional() @IsIn(UNIT_SUBTYPES) subtype?: (typeof UNIT_SUBTYPES)[number];
  @ApiProperty({ enum: UNIT_LEVELS }) @IsIn(UNIT_LEVELS) level!: (typeof UNIT_LEVELS)[number];
  @ApiProperty({ nullable: true }) @IsOptional() @Matches(ID, { message: `parentId ${idMessage}` }) parentId!: string | null;
}

export class EstablishUnitDto extends NewUnitDto {
  @ApiProperty({ example: '2023-01-01' }) @IsCalendarDay() effectiveOn!: string;
  @ApiPropertyOptional({ type: LegalBasisDto }) @IsOptional() @ValidateNested() @Type(() => LegalBasisDto) legalBasis?: LegalBasisDto;
  @ApiPropertyOptional({ description: 'Recording a unit that already existed (no founding act)' }) @IsOptional() @IsBoolean() asExisting?: boolean;
}

export class RenameUnitDto extends EffectiveDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) nameEn?: string;
}

export class RecodeUnitDto extends EffectiveDto {
  @ApiProperty({ type: UnitCodeDto, nullable: true }) @IsOptional() @ValidateNested() @Type(() => UnitCodeDto) code!: UnitCodeDto | null;
}

export class ReclassifyUnitDto extends EffectiveDto {
  @ApiProperty({ enum: UNIT_KINDS }) @IsIn(UNIT_KINDS) kind!: (typeof UNIT_KINDS)[number];
  @ApiPropertyOptional({ enum: UNIT_SUBTYPES, nullable: true }) @IsOptional() @IsIn(UNIT_SUBTYPES) subtype?: (typeof UNIT_SUBTYPES)[number] | null;
  @ApiProperty({ enum: UNIT_LEVELS }) @IsIn(UNIT_LEVELS) level!: (typeof UNIT_LEVELS)[number];
}

export class ReparentUnitDto extends EffectiveDto {
  @ApiProperty({ nullable: true }) @IsOptional() @Matches(ID, { message: `parentId ${idMessage}` }) parentId!: string | null;
}

export class PredecessorDto {
  @ApiProperty() @Matches(ID, { message: `unitId ${idMessage}` }) unitId!: string;
  @ApiProperty({ description: 'Whole (toàn bộ) or part (một phần) of the unit' }) @IsBoolean() whole!: boolean;
  @ApiPropertyOptional({ description: 'For a part: the share of the unit (of its area or population) that went in, where the act records it; 0 < share ≤ 1' })
  @IsOptional() @IsNumber() @Min(0.0001) @Max(1) share?: number;
}

export class ExistingUnitDto {
  @ApiProperty() @Matches(ID, { message: `unitId ${idMessage}` }) unitId!: string;
}

export class MergeUnitsDto extends EffectiveDto {
  @ApiProperty({ type: [PredecessorDto] }) @IsArray() @ArrayMinSize(2) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => PredecessorDto) predecessors!: PredecessorDto[];
  @ApiPropertyOptional({ type: NewUnitDto, description: 'The new unit; omit and give continuingUnitId when one predecessor absorbs the others' })
  @IsOptional() @ValidateNested() @Type(() => NewUnitDto) successor?: NewUnitDto;
  @ApiPropertyOptional() @IsOptional() @Matches(ID, { message: `continuingUnitId ${idMessage}` }) continuingUnitId?: string;
}

export class SplitUnitDto extends EffectiveDto {
  @ApiProperty({ type: [NewUnitDto] }) @IsArray() @ArrayMinSize(2) @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => NewUnitDto) successors!: NewUnitDto[];
}

export class TransferPartDto extends EffectiveDto {
  @ApiProperty() @Matches(ID, { message: `toUnitId ${idMessage}` }) toUnitId!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(1000) description!: string;
}

export class DissolveUnitDto extends EffectiveDto {}

export class AbolishLevelDto extends EffectiveDto {
  @ApiProperty({ enum: ['city', 'district', 'commune'] }) @IsIn(['city', 'district', 'commune']) level!: 'city' | 'district' | 'commune';
}

export class AsOfQueryDto {
  @ApiPropertyOptional({ description: 'The day (YYYY-MM-DD); today in Vietnam when absent' }) @IsOptional() @IsCalendarDay() asOf?: string;
}

export class ListUnitsQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsCalendarDay() asOf?: string;
  @ApiPropertyOptional({ enum: UNIT_KINDS }) @IsOptional() @IsIn(UNIT_KINDS) kind?: string;
  @ApiPropertyOptional({ enum: UNIT_LEVELS }) @IsOptional() @IsIn(UNIT_LEVELS) level?: string;
  @ApiPropertyOptional({ description: 'Direct children of this unit' }) @IsOptional() @Matches(ID, { message: `parentId ${idMessage}` }) parentId?: string;
  @ApiPropertyOptional({ description: 'Anywhere under this unit (its whole subtree on that day)' }) @IsOptional() @Matches(ID, { message: `underId ${idMessage}` }) underId?: string;
  @ApiPropertyOptional({ description: 'Name or code; ignores diacritics and case ("ninh kieu" finds "Ninh Kiều")' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100) q?: string;
}

export class TreeQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsCalendarDay() asOf?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(ID, { message: `rootId ${idMessage}` }) rootId?: string;
}
