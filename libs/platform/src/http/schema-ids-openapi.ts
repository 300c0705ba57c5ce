import type { OpenAPIObject } from '@nestjs/swagger';

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => !!v && typeof v === 'object' && !Array.isArray(v);
/** A bare name (`UnitTreeNode`), as TypeBox's Type.Recursive gives a schema and its references to it. */
const isName = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z][A-Za-z0-9_.-]*$/.test(v);

/**
 * A schema that contains itself (a tree of units with no fixed depth) names itself with `$id` and
 * refers to that name. In the document it becomes a component, and every reference to it points
 * there, so that every OpenAPI tool resolves it as JSON Schema would.
 */
export const documentSchemaIds = (doc: OpenAPIObject): OpenAPIObject => {
  const named = new Map<string, Node>();
  const collect = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(collect);
    if (!isNode(v)) return;
    if (isName(v.$id)) named.set(v.$id, v);
    Object.values(v).forEach(collect);
  };
  const rewrite = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(rewrite);
    if (!isNode(v)) return v;
    if (isName(v.$id) || (isName(v.$ref) && named.has(v.$ref)))
      return { $ref: `#/components/schemas/${(v.$id ?? v.$ref) as string}` };
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rewrite(x)]));
  };
  collect(doc.paths);
  if (named.size === 0) return doc;
  doc.paths = rewrite(doc.paths) as OpenAPIObject['paths'];
  doc.components = doc.components ?? {};
  doc.components.schemas = { ...doc.components.schemas };
  for (const [name, schema] of named) {
    const { $id: _id, ...rest } = schema;
    doc.components.schemas[name] = Object.fromEntries(Object.entries(rest).map(([k, x]) => [k, rewrite(x)]));
  }
  return doc;
};
