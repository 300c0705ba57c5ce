import { applyDecorators, Body, Param, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiParam, ApiQuery, ApiResponse } from '@nestjs/swagger';
import type { TObject, TSchema } from '@sinclair/typebox';
import { publishedSchema } from '@gl/domain';
import { SchemaValidationPipe } from './schema-validation.pipe';

/*
 * One schema per request part: the same TypeBox definition validates the request (compiled once)
 * and becomes its OpenAPI entry, so what the document says is what the server does (ADR 0009).
 */

/**
 * A parameter typed by a schema has the schema object as its design type when its type and its
 * schema share a name. Swagger and the DTO pipe would read that object as a class: the parameter
 * is declared a plain `Object`, and its schema documents and validates it instead.
 */
const asPlainObject = (target: object, key: string | symbol | undefined, index: number) => {
  if (key === undefined) return;
  const types = Reflect.getMetadata('design:paramtypes', target, key) as unknown[] | undefined;
  if (types && typeof types[index] !== 'function') {
    const copy = [...types];
    copy[index] = Object;
    Reflect.defineMetadata('design:paramtypes', copy, target, key);
  }
};

const methodOf = (target: object, key: string | symbol | undefined) => {
  if (key === undefined) throw new Error('schema decorators are for handler parameters');
  return Object.getOwnPropertyDescriptor(target, key)!;
};

/** The request body, validated against `schema` and documented as the operation's JSON body. */
export const BodyOf =
  (schema: TSchema, description?: string): ParameterDecorator =>
  (target, key, index) => {
    asPlainObject(target, key, index);
    Body(new SchemaValidationPipe(schema, 'body'))(target, key, index);
    ApiBody({ schema: publishedSchema(schema) as never, description, required: true })(
      target,
      key!,
      methodOf(target, key),
    );
  };

/** The query string: its strings converted to what `schema` declares, its defaults filled, every parameter documented. */
export const QueryOf =
  (schema: TObject): ParameterDecorator =>
  (target, key, index) => {
    asPlainObject(target, key, index);
    Query(new SchemaValidationPipe(schema, 'query'))(target, key, index);
    const required = new Set(schema.required ?? []);
    for (const [name, s] of Object.entries(schema.properties)) {
      const { description, ...rest } = publishedSchema(s as TSchema) as { description?: string; default?: unknown };
      // A parameter with a default may be left out: the pipe fills it in.
      ApiQuery({
        name,
        required: required.has(name) && rest.default === undefined,
        description,
        schema: rest as never,
      })(target, key!, methodOf(target, key));
    }
  };

/** One path parameter, validated and documented. */
export const ParamOf =
  (name: string, schema: TSchema): ParameterDecorator =>
  (target, key, index) => {
    asPlainObject(target, key, index);
    Param(name, new SchemaValidationPipe(schema, 'param'))(target, key, index);
    const { description, ...rest } = publishedSchema(schema) as { description?: string };
    ApiParam({ name, description, schema: rest as never })(target, key!, methodOf(target, key));
  };

/** The JSON an operation answers with, documented from the schema its documents are typed by. */
export const Answers = (schema: TSchema, status = 200, description = 'OK') =>
  status === 200
    ? applyDecorators(ApiOkResponse({ description, schema: publishedSchema(schema) as never }))
    : applyDecorators(ApiResponse({ status, description, schema: publishedSchema(schema) as never }));
