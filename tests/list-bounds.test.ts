import { readFileSync } from 'node:fs';
import {
  buildASTSchema,
  getNamedType,
  isEnumType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  parse,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';
import { supergraphPath } from '@cg/kit';

/**
 * Every list of objects in the composed schema either pages (it is the `edges`/`nodes` of a `…Connection`, whose
 * size the connection helper caps) or says in its description how long it can get ("at most …"). Every type and
 * enum value carries the Chinese term in its description. Both walk schema/supergraph.graphql, so a department
 * adding a field is checked the moment it composes.
 */
const schema: GraphQLSchema = buildASTSchema(parse(readFileSync(supergraphPath, 'utf8')), { assumeValidSDL: true });
const ownTypes = Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__') && !t.name.startsWith('join__') && !t.name.startsWith('link__'));
const CJK = /[\u3400-\u9fff]/;

const isList = (type: GraphQLType): boolean => isListType(isNonNullType(type) ? type.ofType : type);
const isObjectLike = (type: GraphQLType) => {
  const named = getNamedType(type);
  return isObjectType(named) || isInterfaceType(named) || isUnionType(named);
};

/** Lists whose length grows with the population or with time and neither page nor state a bound. */
export function unboundedLists(s: GraphQLSchema = schema): string[] {
  const found: string[] = [];
  for (const type of Object.values(s.getTypeMap())) {
    if (!(isObjectType(type) || isInterfaceType(type)) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isList(field.type) || !isObjectLike(field.type)) continue;
      if (type.name.endsWith('Connection') && ['edges', 'nodes'].includes(field.name)) continue;
      if (/\bat most\b/i.test(field.description ?? '')) continue;
      found.push(
        `${type.name}.${field.name}: a list of ${getNamedType(field.type).name} that neither pages nor states its bound — ` +
          `make it a Connection (first/after, totalCount; kit's paginate caps the page size) or, if the domain bounds it, say "at most …" in its description`,
      );
    }
  }
  return found;
}

test('every list of objects pages or states its bound ("at most …")', () => {
  expect(unboundedLists()).toEqual([]);
});

test('the walk catches an unbounded list and accepts a connection or a stated bound', () => {
  const sample = buildASTSchema(
    parse(`
      type Query { a: [Item!]! b: ItemConnection! "Its items, at most 12." c: [Item!]! d: [String!]! }
      type Item { id: ID! }
      type ItemConnection { edges: [ItemEdge!]! totalCount: Int! }
      type ItemEdge { node: Item! }
    `),
  );
  expect(unboundedLists(sample).map((line) => line.split(':')[0])).toEqual(['Query.a']);
});

test('every object type, enum and enum value has a description with its Chinese term', () => {
  const missing: string[] = [];
  for (const type of ownTypes) {
    if ((isObjectType(type) || isEnumType(type)) && ['Query', 'Mutation', 'Subscription'].every((root) => root !== type.name)) {
      if (!CJK.test(type.description ?? '')) missing.push(`${type.name}: describe it with its Chinese term, e.g. "Grid (网格)"`);
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) {
        if (!CJK.test(value.description ?? '')) missing.push(`${type.name}.${value.name}: describe the enum value with its Chinese term`);
      }
    }
  }
  expect(missing).toEqual([]);
});
