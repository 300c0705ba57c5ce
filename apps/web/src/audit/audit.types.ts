/* What the audit API answers, as the pages read it (from the OpenAPI document). */

export interface AuditEvent {
  stream: string;
  revision: number;
  position: string;
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  metadata: {
    actor: { userId: string; unitId: string | null; roles: string[] };
    correlationId: string;
    causationId: string;
    recordedAt: string;
    occurredAt?: string;
    reason?: string;
    schemaVersion: number;
    prevHash: string;
    hash: string;
  };
  subjectUnitIds: string[];
}

export interface EventsPage {
  items: AuditEvent[];
  next: string;
  isEnd: boolean;
}

export interface LatestSeal {
  seal: {
    after: string;
    upTo: string;
    count: number;
    root: string;
    previous: string | null;
    keyId: string;
    signature: string;
  };
  position: string;
  revision: number;
  head: { position: string; sealedUpTo: string; signedAt: string; keyId: string; signature: string };
}

export interface Verification {
  ok: boolean;
  streams: number;
  eventsChecked: number;
  firstBad: { stream: string; revision: number; position: string; eventId: string; problem: { kind: string } } | null;
  position: string;
  gaps: { applies: boolean; firstGap?: { from: string; to: string; detail: string } | null; reason?: string };
  seals: { keyId: string; seals: number; sealedUpTo: string; firstBad: { detail: string } | null };
  pins: { upTo: string; ok: boolean; problem: string | null; detail: string | null; headPosition: string | null }[];
  seconds: number;
}

export interface UnitItem {
  id: string;
  name: string;
  level: string;
  parentId: string | null;
}
