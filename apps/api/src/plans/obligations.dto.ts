import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsDefined, IsISO8601, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested,
} from 'class-validator';
import { IsCalendarDay } from '../shared/common.dto';

export class AttachmentDto {
  @ApiProperty({ example: 'bien-ban-hoi-nghi.pdf' }) @IsString() @MinLength(1) @MaxLength(255) name!: string;
  @ApiProperty({ description: 'SHA-256 of the file, hex' }) @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 lower-case hex digits' }) sha256!: string;
  @ApiProperty({ description: 'Size in bytes' }) @IsInt() @Min(0) @Max(2 ** 40) size!: number;
}

export class EvidenceDto {
  @ApiProperty({ example: '125/BC-UBND' }) @IsString() @MinLength(1) @MaxLength(100) documentNumber!: string;
  @ApiProperty({ example: '2023-11-20' }) @IsCalendarDay() documentDate!: string;
  @ApiProperty({ type: [AttachmentDto] }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => AttachmentDto) attachments!: AttachmentDto[];
}

export class CompletionDto {
  @ApiProperty({ type: EvidenceDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => EvidenceDto) evidence!: EvidenceDto;
}

export class ProgressDto {
  @ApiProperty({ minimum: 0, maximum: 100 }) @IsInt() @Min(0) @Max(100) percent!: number;
  @ApiProperty() @IsString() @MaxLength(2000) note!: string;
}

export class ExtensionRequestDto {
  @ApiProperty({ example: '2024-02-01T00:00:00+07:00' }) @IsISO8601({ strict: true }) until!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
}

export class ExtensionDecisionDto {
  @ApiProperty() @IsBoolean() approve!: boolean;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
}

export class ReasonDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
}

export class PassDto {
  @ApiProperty({ description: 'A successor of the unit in the organisation tree' }) @Matches(/^[a-z0-9][a-z0-9-]{0,99}$/, { message: 'toUnitId must be a unit id' }) toUnitId!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
}

export class ReminderDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) message!: string;
}

export class ExplanationRequestDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) question!: string;
}

export class ExplanationDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(5000) answer!: string;
}


export class RequestAnswerDto {
  @ApiProperty({ description: 'What the requested body answered (nội dung phản hồi)' }) @IsString() @MinLength(1) @MaxLength(5000) answer!: string;
  @ApiProperty({ example: '2023-12-05' }) @IsCalendarDay() answeredOn!: string;
  @ApiPropertyOptional({ example: '45/CV-MTTQ', description: 'The answering document, if there is one' }) @IsOptional() @IsString() @MaxLength(100) documentNumber?: string;
}
