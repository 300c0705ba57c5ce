/**
 * Why a receiver URL may not be registered (the SSRF rules: scheme, host, every resolved address),
 * or null when it may; bound by the composition root with the platform's receiver-address checks.
 */
export type ReceiverCheck = (url: string) => Promise<string | null>;
export const RECEIVER_CHECK = Symbol('RECEIVER_CHECK');

/** The registry's settings from the configuration. */
export interface WebhookRegistrySettings {
  /** How long the old secret of a rotation keeps signing (WEBHOOK_ROTATION_OVERLAP_MS). */
  rotationOverlapMs: number;
}
export const WEBHOOK_REGISTRY_SETTINGS = Symbol('WEBHOOK_REGISTRY_SETTINGS');
