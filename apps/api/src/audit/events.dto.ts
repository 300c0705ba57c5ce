import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsArray, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsLogPosition } from '@gl/platform';

const list = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value);

export class EventsQueryDto {
  @ApiPropertyOptional({ description: 'Events strictly after this global position (decimal string)' })
  @IsOptional() @IsLogPosition() after?: string;
  @ApiPropertyOptional({ description: 'Comma-separated type prefixes, e.g. obligation.,report.submitted' })
  @IsOptional() @Transform(list) @IsArray() @IsString({ each: true }) @MaxLength(100, { each: true }) types?: string[];
  @ApiPropertyOptional({ description: 'Comma-separated stream categories, e.g. obligation,report' })
  @IsOptional() @Transform(list) @IsArray() @Matches(/^[a-z]+$/, { each: true, message: 'categories are lower-case words' }) categories?: string[];
  @ApiPropertyOptional({ default: 100, maximum: 1000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit = 100;
}

export class AuditQueryDto extends EventsQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) stream?: string;
  @ApiPropertyOptional({ description: 'The person who recorded it' }) @IsOptional() @IsString() @MaxLength(100) actorId?: string;
  @ApiPropertyOptional({ description: 'The unit it is about' }) @IsOptional() @IsString() @MaxLength(100) unitId?: string;
  @ApiPropertyOptional({ description: 'Recorded time from (ISO 8601)' }) @IsOptional() @IsISO8601({ strict: true }) recordedFrom?: string;
  @ApiPropertyOptional({ description: 'Recorded time before (ISO 8601)' }) @IsOptional() @IsISO8601({ strict: true }) recordedTo?: string;
  @ApiPropertyOptional({ description: 'Business time from (ISO 8601)' }) @IsOptional() @IsISO8601({ strict: true }) occurredFrom?: string;
  @ApiPropertyOptional({ description: 'Business time before (ISO 8601)' }) @IsOptional() @IsISO8601({ strict: true }) occurredTo?: string;
}
