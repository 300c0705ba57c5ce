import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { checkInput } from './text-input';
import { InputPlace } from './text-input.errors';

/** Bodies are checked once, before routing (bodyInputGuard); the query and the path here. */
const PLACES: Partial<Record<ArgumentMetadata['type'], InputPlace>> = { query: 'query', param: 'path' };

/**
 * Runs before validation, on what a caller sent in the URL (query, path): control characters and
 * line breaks are refused here, once, for every endpoint.
 * Values of custom decorators are the server's own (the write context) and pass.
 */
@Injectable()
export class TextInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const place = PLACES[metadata.type];
    if (place) checkInput(value, place, metadata.data);
    return value;
  }
}
