import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsISO8601, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date as the law states it: YYYY-MM-DD (a day in Vietnam). */
export const IsCalendarDay = (): PropertyDecorator => (target, key) => {
  Matches(DATE_PATTERN, { message: `${String(key)} must be a date written YYYY-MM-DD` })(target, key);
  IsISO8601({ strict: true, strictSeparator: true }, { message: `${String(key)} must be a real calendar date` })(target, key);
};

/** Căn cứ pháp lý: the document a change rests on. */
export class LegalBasisDto {
  @ApiProperty({ example: '1668/NQ-UBTVQH15' }) @IsString() @MinLength(1) @MaxLength(100) number!: string;
  @ApiProperty({ example: '2025-06-16', nullable: true }) @IsOptional() @IsCalendarDay() date!: string | null;
  @ApiProperty({ example: 'Ủy ban Thường vụ Quốc hội' }) @IsString() @MinLength(1) @MaxLength(200) issuer!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) title?: string;
}

/** A change that takes effect on a day, on a legal basis. */
export class EffectiveDto {
  @ApiProperty({ example: '2025-07-01' }) @IsCalendarDay() effectiveOn!: string;
  @ApiProperty({ type: LegalBasisDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => LegalBasisDto) legalBasis!: LegalBasisDto;
}

export class PageQueryDto {
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) page = 1;
  @ApiPropertyOptional({ default: 50, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize = 50;
}

/** What every write answers: where its events went; send `position` back as X-Wait-For-Position to read it. */
export class WriteResultDto {
  @ApiProperty() stream!: string;
  @ApiProperty() revision!: number;
  @ApiProperty({ description: 'Global log position (decimal string)' }) position!: string;
}
