import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotPermittedError, Principal } from '@gl/application';
import type { Clock } from '@gl/domain';
import { EventStore, LatestSeal, latestSeal, LatestSealSchema, NoSealYetError } from '@gl/event-store';
import { Answers, CLOCK, CurrentPrincipal, RAW_EVENT_STORE, SEAL_KEYS, SealKeys } from '@gl/platform';

/**
 * The newest seal, for whoever keeps copies outside the system (niêm phong): a kept seal, checked
 * later with `audit verify --pin`, shows the newest seal deleted, or the log cut below it.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/seals')
export class SealsController {
  constructor(
    @Inject(RAW_EVENT_STORE) private readonly raw: EventStore,
    @Inject(SEAL_KEYS) private readonly keys: SealKeys,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('latest')
  @ApiOperation({
    summary:
      'The newest seal as stored, and a signed head of the log: keep it outside the system, and pin it in verify later (auditors, the plan coordinator, integration clients)',
    description:
      'The head is signed with the seal key (GET /api/v1/audit/seal-key) over the canonical JSON (RFC 8785) of ' +
      '{ keyId, position, sealedUpTo, signedAt }. Give the whole answer, or only `seal`, as a pin: GET /api/v1/audit/verify?pin=, ' +
      'or `npm run cli -- audit verify --pin <file>`.',
  })
  @Answers(LatestSealSchema)
  @ApiNotFoundResponse({ description: 'problem+json `/problems/no-seal-yet`: nothing is sealed yet' })
  async latest(@CurrentPrincipal() p: Principal): Promise<LatestSeal> {
    const { readsAll, roles } = p.scope;
    if (!readsAll && !roles.includes('plan-coordinator') && !roles.includes('integration-client')) {
      throw new NotPermittedError('the seals are for auditors, the plan coordinator and integration clients');
    }
    const latest = await latestSeal(this.raw, this.keys.privateKey, this.clock.now());
    if (!latest) throw new NoSealYetError();
    return latest;
  }
}
