/** Where a value came from, as a problem names it. */
export type InputPlace = 'body' | 'query' | 'path' | 'header';

/** A string with a character no field takes (400): the field, where it was and which character. */
export class InvalidTextError extends Error {
  static readonly problem = { type: '/problems/invalid-text', status: 400, title: 'Text with a character the API does not take' };
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
