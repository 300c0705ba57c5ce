/**
 * Webhook endpoints and their delivery state (issue 16). Like Idempotency-Key records these are
 * operational data, not read models: nothing in the log rebuilds them, and the secrets they hold
 * must never enter the immutable log. The embedded adapter keeps them in DATA_DIR/webhooks.db; the
 * MongoDB one in collections of the read store's database, so the api that registers endpoints and
 * the projector that delivers to them share one state.
 */

export type EndpointStatus = 'active' | 'paused' | 'disabled';

/** A signing secret (`whsec_` + base64 of 24–64 random bytes). During a rotation two are live. */
export interface WebhookSecret {
  secret: string;
  createdAt: Date;
  /** The old secret of a rotation stops signing then; null: no end. */
  expiresAt: Date | null;
}

/** What an integration admin registers: where to deliver, and which events of which units. */
export interface EndpointSettings {
  url: string;
  description: string;
  /** Event type prefixes (`obligation.completed.`, `report.`); empty with no categories: every type. */
  eventTypes: string[];
  /** First segments of event types (`obligation`, `activity`, `audit` — the seals); OR-ed with eventTypes. */
  categories: string[];
  /** The units whose events it receives, each with its subtree; all within the admin's scope. */
  unitIds: string[];
}

export interface WebhookEndpoint extends EndpointSettings {
  endpointId: string;
  /** The unit of the admin who registered it: whose admins may manage it. */
  ownerUnitId: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  status: EndpointStatus;
  /** Why it is disabled (`gone`: the receiver answered 410; `failing`: failing longer than the limit) or paused. */
  statusReason: string | null;
  secrets: WebhookSecret[];
}

/**
 * Where an endpoint's delivery stands. `position` is the durable checkpoint: every event of the log
 * up to it has been delivered (or did not match). The head event — the one after it that matches —
 * is retried until it lands; `attempts` and `nextAttemptAt` belong to it, so a restart continues its
 * schedule rather than starting it again.
 */
export interface DeliveryCursor {
  endpointId: string;
  position: string;
  /** The event being delivered (its id is the `webhook-id` of every attempt), or null when none is due. */
  pendingEventId: string | null;
  attempts: number;
  nextAttemptAt: Date | null;
  /** Since when every attempt has failed; null after a success. */
  failingSince: Date | null;
  delivered: number;
  failed: number;
}

/**
 * Whether two cursors stand at the same place of the log, with the same pending attempt and wait,
 * and the same counts. The counts make each of the dispatcher's writes distinct: it may queue several
 * attempts before the first commits, each expecting the one before, and a replay that moved the cursor
 * to where a later one stands (copying the committed counts) must refuse that one too.
 */
export const sameCursorState = (a: DeliveryCursor, b: DeliveryCursor): boolean =>
  a.position === b.position &&
  a.delivered === b.delivered &&
  a.failed === b.failed &&
  a.pendingEventId === b.pendingEventId &&
  a.attempts === b.attempts &&
  (a.nextAttemptAt?.getTime() ?? null) === (b.nextAttemptAt?.getTime() ?? null);

/** One HTTP attempt, for the delivery log an admin reads. */
export interface DeliveryAttempt {
  endpointId: string;
  eventId: string;
  eventType: string;
  position: string;
  attempt: number;
  at: Date;
  /** The receiver's status, or null when no answer came (timeout, refused connection, refused address). */
  status: number | null;
  latencyMs: number;
  outcome: 'delivered' | 'failed';
  /** What went wrong, when no status says it (`timeout after 15000 ms`, `address 10.0.0.1 is private`). */
  error: string | null;
  /** The start of the receiver's answer, at most 1 KiB. */
  response: string | null;
}

export interface AttemptPage {
  items: DeliveryAttempt[];
  /** Ask again with `before` = this to read older attempts; null at the oldest. */
  next: string | null;
}

export interface WebhookStore {
  /** Stores a new endpoint and its cursor at `startPosition`. @throws when the id exists. */
  create(endpoint: WebhookEndpoint, startPosition: string): Promise<void>;
  get(endpointId: string): Promise<WebhookEndpoint | null>;
  /** Endpoints owned by these units (null: all), by creation time. */
  list(ownerUnitIds: readonly string[] | null): Promise<WebhookEndpoint[]>;
  /** Replaces the endpoint's record (settings, status, secrets); false when it does not exist. */
  update(endpoint: WebhookEndpoint): Promise<boolean>;
  /** Deletes the endpoint, its cursor and its attempts; false when it did not exist. */
  delete(endpointId: string): Promise<boolean>;

  cursor(endpointId: string): Promise<DeliveryCursor | null>;
  /** Replaces the cursor (the dispatcher's state after each attempt or skipped stretch of the log). */
  saveCursor(cursor: DeliveryCursor): Promise<void>;
  /**
   * Records an attempt and the cursor after it, atomically: a crash leaves both or neither. With
   * `expected`, the cursor is replaced only if the stored one is still in that state (sameCursorState):
   * when another writer moved it meanwhile (a replay, a resume), the attempt is logged, the cursor is
   * left as they set it, and the answer is false.
   */
  recordAttempt(attempt: DeliveryAttempt, cursor: DeliveryCursor, expected?: DeliveryCursor): Promise<boolean>;
  /** Newest first; `before` continues a page. */
  attempts(endpointId: string, options?: { before?: string; limit?: number }): Promise<AttemptPage>;
  /** Deletes attempts older than `before`; returns how many. */
  purgeAttempts(before: Date): Promise<number>;
  close(): Promise<void>;
}

/** Injection token for the WebhookStore port. */
export const WEBHOOK_STORE = Symbol('WEBHOOK_STORE');
