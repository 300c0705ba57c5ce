import { Injectable } from '@nestjs/common';

/**
 * Writes and changes of rights, in order: any number of writes run together, a change of rights
 * (a revocation) waits for the writes in flight and holds new ones until it is appended. With each
 * write's rights read from the log once it is through, no write of a revoked person is appended
 * after the revocation. One process: across processes the log's order still shows what happened.
 */
@Injectable()
export class RightsBarrier {
  private writers = 0;
  private changing = false;
  private readonly waiting: { exclusive: boolean; go: () => void }[] = [];

  /** Waits for a shared pass (a write); call the returned function when done. */
  write(): Promise<() => void> {
    return this.enter(false);
  }

  /** Waits for the exclusive pass (a change of rights); call the returned function when done. */
  changeRights(): Promise<() => void> {
    return this.enter(true);
  }

  private enter(exclusive: boolean): Promise<() => void> {
    return new Promise((resolve) => {
      const go = () => {
        if (exclusive) this.changing = true;
        else this.writers++;
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          if (exclusive) this.changing = false;
          else this.writers--;
          this.next();
        });
      };
      this.waiting.push({ exclusive, go });
      this.next();
    });
  }

  /** First come, first served: a waiting change of rights is not overtaken by later writes. */
  private next(): void {
    while (this.waiting.length > 0 && !this.changing) {
      const head = this.waiting[0];
      if (head.exclusive && this.writers > 0) return;
      this.waiting.shift();
      head.go();
      if (head.exclusive) return;
    }
  }
}
