import { Injectable, PipeTransform } from '@nestjs/common';
import { ValidateBy, ValidationOptions } from 'class-validator';
import { InvalidPositionError, isPosition } from '@gl/event-store';

const MEANING = 'a log position: the decimal string of an unsigned 64-bit integer (0 to 18446744073709551615)';

/**
 * Every position a caller sends (`after`, `asOfPosition`, X-Wait-For-Position, Last-Event-ID) is
 * read by the event store's one parser, so a digit pattern can never let 2^64 through, nor stop 2^63.
 */
export const IsLogPosition = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy({
    name: 'isLogPosition',
    validator: { validate: (v: unknown) => isPosition(v), defaultMessage: (a) => `${a?.property ?? 'position'} must be ${MEANING}` },
  }, options);

/** The same check for a single query parameter: `@Query('asOfPosition', LogPositionPipe)`; absent stays absent. */
@Injectable()
export class LogPositionPipe implements PipeTransform {
  transform(value: unknown): string | undefined {
    if (value === undefined) return undefined;
    if (!isPosition(value)) throw new InvalidPositionError(String(value));
    return value;
  }
}
