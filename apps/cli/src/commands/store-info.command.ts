import { Inject } from '@nestjs/common';
import { Command, CommandRunner } from 'nest-commander';
import { EventStore } from '@gl/event-store';
import { SqliteEventStore } from '@gl/event-store/sqlite';
import { AppConfig, APP_CONFIG, RAW_EVENT_STORE } from '@gl/platform';

/** `store info`: which event store this configuration reaches, and where its log ends. */
@Command({ name: 'store', arguments: '[action]', description: 'show the configured event store (store info)' })
export class StoreInfoCommand extends CommandRunner {
  constructor(
    @Inject(RAW_EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async run(): Promise<void> {
    const head = await this.store.headPosition();
    const info: Record<string, unknown> = { eventStore: this.config.eventStore.kind, headPosition: head };
    if (this.store instanceof SqliteEventStore) {
      info.file = this.store.db.name;
      info.synchronous = this.store.synchronous;
    } else if (this.config.eventStore.kind === 'kurrentdb') {
      info.url = this.config.eventStore.url.replace(/\/\/[^@]*@/, '//***@');
    }
    process.stdout.write(`${JSON.stringify(info, null, 2)}\n`);
  }
}
