import {
  getNamedType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type DocumentNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { policyFromDocument, type Policy } from '../auth/policy';

type Outcome = 'pass' | 'fail' | 'skip';
export interface CheckResult {
  name: string;
  outcome: Outcome;
  detail: string;
  /** What to change, for a failure. */
  fix?: string;
}
export const pass = (name: string, detail: string): CheckResult => ({ name, outcome: 'pass', detail });
export const fail = (name: string, detail: string, fix: string): CheckResult => ({ name, outcome: 'fail', detail, fix });
export const skip = (name: string, detail: string): CheckResult => ({ name, outcome: 'skip', detail });

/** What the checks need to know of the department's SDL. */
export interface DepartmentModel {
  typeDefs: DocumentNode;
  schema: GraphQLSchema;
  policy: Policy;
  /** Types with a resolvable `@key(fields: "id")`. */
  entities: string[];
}

const resolvableIdKey = (
  directives: readonly { name: { value: string }; arguments?: readonly { name: { value: string }; value: { kind: string; value?: unknown } }[] }[] | undefined,
) =>
  (directives ?? []).some((d) => {
    if (d.name.value !== 'key') return false;
    const fields = d.arguments?.find((a) => a.name.value === 'fields')?.value;
    const resolvable = d.arguments?.find((a) => a.name.value === 'resolvable')?.value;
    return fields?.kind === Kind.STRING && String(fields.value).trim() === 'id' && !(resolvable?.kind === Kind.BOOLEAN && resolvable.value === false);
  });

export function modelOf(typeDefs: DocumentNode): DepartmentModel {
  const entities = new Set<string>();
  for (const def of typeDefs.definitions) {
    if ((def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.OBJECT_TYPE_EXTENSION) && resolvableIdKey(def.directives)) entities.add(def.name.value);
  }
  return { typeDefs, schema: buildSubgraphSchema([{ typeDefs }]), policy: policyFromDocument(typeDefs), entities: [...entities].sort() };
}

/** The object type a field leads to, through lists, non-null and a connection's `edges { node }` or `nodes`. */
export function listedType(type: GraphQLType): { type: GraphQLObjectType; path: string[] } | undefined {
  const named = getNamedType(type);
  if (!isObjectType(named)) return undefined;
  const unwrapped = isNonNullType(type) ? type.ofType : type;
  if (isListType(unwrapped)) return { type: named, path: [] };
  const fields = named.getFields();
  const edgeNode = fields.edges && getNamedType(fields.edges.type);
  if (edgeNode && isObjectType(edgeNode) && edgeNode.getFields().node) {
    const node = getNamedType(edgeNode.getFields().node!.type);
    if (isObjectType(node)) return { type: node, path: ['edges', 'node'] };
  }
  if (fields.nodes) {
    const node = getNamedType(fields.nodes.type);
    if (isObjectType(node)) return { type: node, path: ['nodes'] };
  }
  return { type: named, path: [] };
}

export const callableWithoutArguments = (field: GraphQLField<unknown, unknown>) => field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined);

/** `{ __typename }` for an object, nothing for a leaf: enough to call a field. */
export const minimalSelection = (type: GraphQLType) => (isLeafType(getNamedType(type)) ? '' : ' { __typename }');

/** Leaf fields (scalars, enums and lists of them) of a type, except federation's. */
export const leafFields = (type: GraphQLObjectType) =>
  Object.values(type.getFields()).filter((f) => isLeafType(getNamedType(f.type)) && !f.name.startsWith('_') && f.args.length === 0);
