/**
 * Lets timers and I/O run (an HTTP request, a health probe) before going on with a long task: the
 * SQLite adapters answer synchronously, so a loop over the log would otherwise hold the process.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
