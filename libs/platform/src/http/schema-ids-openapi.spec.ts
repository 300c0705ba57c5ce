import { Obj, publishedSchema, Type } from '@gl/domain';
import type { OpenAPIObject } from '@nestjs/swagger';
import { documentSchemaIds } from './schema-ids-openapi';

const Node = Type.Recursive((self) => Obj({ id: Type.String(), children: Type.Array(self) }), { $id: 'TreeNode' });
const docWith = (schema: object): OpenAPIObject => ({
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: {
    '/tree': { get: { responses: { 200: { description: 'OK', content: { 'application/json': { schema } } } } } },
  },
});

describe('schemas that contain themselves, in the OpenAPI document', () => {
  it('become a component, and their references point to it', () => {
    const doc = documentSchemaIds(docWith(publishedSchema(Obj({ roots: Type.Array(Node) }))));
    const schema = (doc.paths['/tree'].get!.responses[200] as { content: Record<string, { schema: object }> }).content[
      'application/json'
    ].schema;
    expect(schema).toEqual({
      type: 'object',
      additionalProperties: false,
      required: ['roots'],
      properties: { roots: { type: 'array', items: { $ref: '#/components/schemas/TreeNode' } } },
    });
    expect(doc.components!.schemas!.TreeNode).toMatchObject({
      type: 'object',
      properties: { children: { type: 'array', items: { $ref: '#/components/schemas/TreeNode' } } },
    });
    expect(JSON.stringify(doc)).not.toContain('"$id"');
  });

  it('leaves a document without them as it was', () => {
    const doc = docWith({ type: 'object', properties: { a: { $ref: '#/components/schemas/A' } } });
    expect(documentSchemaIds(structuredClone(doc))).toEqual(doc);
  });
});
