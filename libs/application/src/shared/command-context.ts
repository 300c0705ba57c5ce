import type { Actor, Scope } from '@gl/domain';
import type { Position } from '@gl/event-store';

/** Who asks, with which rights, and how to trace and deduplicate the request. */
export interface CommandContext {
  actor: Actor;
  scope: Scope;
  correlationId: string;
  causationId?: string;
  /** A retried request with the same key appends nothing and gets the first answer. */
  idempotencyKey?: string;
  reason?: string;
  /**
   * If-Match: the write is for this revision of the resource's stream (or `any`: the resource
   * exists), and is refused with 412, writing nothing, when the stream has moved on since.
   */
  ifMatch?: { stream: string; revision: number | 'any' };
}

/** What a write answers: where its events went. Send `position` back to read your own write. */
export interface CommandResult {
  stream: string;
  revision: number;
  position: Position;
}

/** Full rights, for the seed and the scheduler: never a person. */
export const systemScope = (): Scope =>
  ({ roles: [], readsAll: true, reads: new Set(), writes: new Set(), system: true }) as Scope & { system: true };

export const isSystem = (scope: Scope): boolean => (scope as Scope & { system?: boolean }).system === true;
