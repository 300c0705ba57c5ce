import { DomainError, ProblemsOf } from '@gl/domain';

export type WebhookErrorCode = 'webhook-not-found' | 'receiver-refused' | 'invalid-webhook';

/** A refusal of the webhook registry: the endpoint is not the caller's, its receiver is not allowed, or the step does not fit. */
export class WebhookError extends DomainError<WebhookErrorCode> {
  static readonly problems: ProblemsOf<WebhookErrorCode> = {
    'webhook-not-found': { status: 404, title: 'No such webhook endpoint' },
    'receiver-refused': { status: 422, title: 'The receiver URL is not allowed' },
    'invalid-webhook': { status: 422, title: 'The webhook registry does not allow this' },
  };
}

/** Event types or categories the catalogue does not have: a 400 naming each field, like a schema mismatch. */
export class WebhookFieldsError extends Error {
  static readonly problem = { type: '/problems/validation-failed', status: 400, title: 'Bad request' };
  readonly extensions: { errors: string[] };

  constructor(readonly errors: string[]) {
    super(errors.join('; '));
    this.name = 'WebhookFieldsError';
    this.extensions = { errors };
  }
}
