import { ApiProperty } from '@nestjs/swagger';

/** What every write answers: where its events went; send `position` back as X-Wait-For-Position to read it. */
export class WriteResultDto {
  @ApiProperty() stream!: string;
  @ApiProperty() revision!: number;
  @ApiProperty({ description: 'Global log position (decimal string)' }) position!: string;
}
