import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/**
 * Still a class for the dashboards' query, which extends it (dashboards.controller.ts): the
 * activity reads take `YearQuery` (activities.queries.ts). Goes when the dashboards move (ADR 0009).
 */
export class YearQueryDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year!: number;
}
