/** Where a value came from, as a problem names it. */
export type InputPlace = 'body' | 'query' | 'path' | 'header';

/** A string with a character no field takes (400): the field, where it was and which character. */
export class InvalidTextError extends Error {
  static readonly problem = {
    type: '/problems/invalid-text',
    status: 400,
    title: 'Text with a character the API does not take',
  };
  readonly extensions: Record<string, unknown>;

  constructor(field: string, place: InputPlace, codePoint: string, why: string) {
    super(`${place === 'body' ? '' : `${place} `}${field} contains ${codePoint}: ${why}`);
    this.name = 'InvalidTextError';
    this.extensions = { field, in: place, codePoint };
  }
}

/** `__proto__`, `constructor` or `prototype` as a key: refused as the unknown field it is, at any depth. */
export class ForbiddenKeyError extends Error {
  static readonly problem = { type: '/problems/validation-failed', status: 400, title: 'Bad request' };
  readonly extensions: Record<string, unknown>;

  constructor(path: string) {
    super(`property ${path} should not exist`);
    this.name = 'ForbiddenKeyError';
    this.extensions = { errors: [this.message] };
  }
}

/** An array with more items, or an object with more members, than any field takes (JSON_MAX_ITEMS). */
export class TooManyItemsError extends Error {
  static readonly problem = { type: '/problems/validation-failed', status: 400, title: 'Bad request' };
  readonly extensions: Record<string, unknown>;

  constructor(path: string, max: number) {
    super(`${path} must contain no more than ${max} elements`);
    this.name = 'TooManyItemsError';
    this.extensions = { errors: [this.message] };
  }
}

/** A body sent to a step that takes none: its fields are unknown ones (400). */
export class UnexpectedBodyError extends Error {
  static readonly problem = { type: '/problems/validation-failed', status: 400, title: 'Bad request' };
  readonly extensions: Record<string, unknown>;

  constructor(body: unknown) {
    const fields =
      body !== null && typeof body === 'object' && !Array.isArray(body) ? Object.keys(body).slice(0, 20) : [];
    const errors =
      fields.length > 0
        ? fields.map((f) => `property ${f} should not exist`)
        : ['this step takes no body (send none, or {})'];
    super(errors.join('; '));
    this.name = 'UnexpectedBodyError';
    this.extensions = { errors };
  }
}
