import { Controller, Get } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProjectionEngine } from '@gl/read-models';
import { Answers, WAIT_FOR_POSITION_HEADER, WAIT_TIMEOUT_HEADER } from '@gl/platform';
import { ProjectionsAnswer } from './projections.responses';

/** The read models' state, for operators: generations, checkpoints, lag, rebuilds, failures. */
@ApiTags('operations')
@Controller('projections')
export class ProjectionsController {
  constructor(private readonly engine: ProjectionEngine) {}

  @Get()
  @ApiOperation({
    summary:
      'Each projection: live generation, checkpoint, lag (events and seconds), rebuild in progress, last failure',
  })
  @ApiHeader({
    name: WAIT_FOR_POSITION_HEADER,
    required: false,
    description: 'Answer only once the read models have reached this log position (read-your-writes)',
  })
  @ApiHeader({
    name: WAIT_TIMEOUT_HEADER,
    required: false,
    description: 'How long to wait for it, in ms (at most READ_WAIT_MAX_MS); 503 when it runs out',
  })
  @Answers(ProjectionsAnswer, 200, 'One entry per projection')
  async list() {
    return { items: await this.engine.status() };
  }
}
