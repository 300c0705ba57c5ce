/**
 * Wakes live subscribers when an append commits in this process. A counter, read before each
 * catch-up read, closes the window between "nothing more to read" and "start waiting".
 */
export class AppendNotifier {
  private version = 0;
  private readonly waiters = new Set<() => void>();

  get current(): number {
    return this.version;
  }

  notify(): void {
    this.version++;
    for (const wake of [...this.waiters]) wake();
  }

  /**
   * Resolves once an append committed after `seen`, when `timeoutMs` passes (a slow safety poll for
   * writers in other processes), or when `abort` fires.
   */
  waitBeyond(seen: number, abort: AbortSignal, timeoutMs: number): Promise<void> {
    if (this.version > seen || abort.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        abort.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
      abort.addEventListener('abort', done, { once: true });
    });
  }
}
