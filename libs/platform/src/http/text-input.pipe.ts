import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { checkInput } from './text-input';
import { InputPlace } from './text-input.errors';

const PLACES: Partial<Record<ArgumentMetadata['type'], InputPlace>> = { body: 'body', query: 'query', param: 'path' };

/**
 * Runs after NFC normalisation and before validation, on what a caller sent (body, query, path):
 * control characters and prototype keys are refused here, once, for every endpoint.
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
