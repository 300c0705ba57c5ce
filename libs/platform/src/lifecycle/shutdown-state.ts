import { Injectable } from '@nestjs/common';

/**
 * What a process knows of its own shutdown, for the parts that must act on it: readiness answers
 * 503 from the first moment (`draining`), long-lived responses (event streams) end when the
 * listener closes (`onEndStreams`), and last work fits before `deadline`.
 */
@Injectable()
export class ShutdownState {
  private deadlineAt: number | null = null;
  private streamsEnding = false;
  private readonly streams = new Set<() => void>();

  get draining(): boolean {
    return this.deadlineAt !== null;
  }

  /** When the process will be down, forced if need be (epoch ms); null while it runs. */
  get deadline(): number | null {
    return this.deadlineAt;
  }

  beginDraining(deadline: number): void {
    this.deadlineAt ??= deadline;
  }

  /** How to end one open stream; called at once when streams are already ending. Returns the unregistration. */
  onEndStreams(end: () => void): () => void {
    if (this.streamsEnding) {
      end();
      return () => undefined;
    }
    this.streams.add(end);
    return () => this.streams.delete(end);
  }

  endStreams(): void {
    this.streamsEnding = true;
    const ends = [...this.streams];
    this.streams.clear();
    for (const end of ends) end();
  }
}
