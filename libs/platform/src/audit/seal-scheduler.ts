import { Inject, Injectable, Logger } from '@nestjs/common';
import { EventStore, MAX_SEALED_EVENTS, Seal, sealLog } from '@gl/event-store';
import { AppConfig, APP_CONFIG } from '../config/app-config';
import { RAW_EVENT_STORE } from '../event-store/event-store.module';
import { SEAL_KEYS, SealKeys } from './seal-keys';

const SEALER = { userId: 'sealer', unitId: null, roles: ['system'] };

/** Seals the log every SEAL_INTERVAL_MS: whatever was appended since the last seal, signed. */
@Injectable()
export class SealScheduler {
  private readonly logger = new Logger('Sealer');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(RAW_EVENT_STORE) private readonly store: EventStore,
    @Inject(SEAL_KEYS) private readonly keys: SealKeys,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Seals everything new, in ranges of at most MAX_SEALED_EVENTS; the last seal, or null when nothing was new. */
  async sealNow(): Promise<Seal | null> {
    let last: Seal | null = null;
    for (;;) {
      const seal = await sealLog(this.store, this.keys.privateKey, SEALER);
      if (!seal) return last;
      last = seal;
      if (seal.count < MAX_SEALED_EVENTS) return last;
    }
  }

  start(): void {
    if (this.timer || this.config.sealIntervalMs === 0) return;
    if (this.keys.source === 'generated')
      this.logger.warn(
        'seals are signed with a key kept in DATA_DIR beside the log: set SEAL_PRIVATE_KEY in production',
      );
    const tick = () => this.sealNow().catch((e: Error) => this.logger.error(`sealing failed: ${e.message}`));
    void tick();
    this.timer = setInterval(tick, this.config.sealIntervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
