import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';

/**
 * class-validator for the DTO classes not yet moved to their TypeBox schema (ADR 0009). A parameter
 * typed by a schema has that schema object as its design type, not a class: it is validated by its
 * own pipe (`BodyOf`, `QueryOf`, `ParamOf`) and skipped here.
 */
export class DtoValidationPipe extends ValidationPipe {
  constructor() {
    super({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false });
  }

  protected override toValidate(metadata: ArgumentMetadata): boolean {
    return typeof metadata.metatype === 'function' && super.toValidate(metadata);
  }
}
