import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isUnionType,
  Kind,
  parse,
  print,
  printSchema,
  valueFromAST,
  type ConstDirectiveNode,
  type DefinitionNode,
  type DirectiveNode,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { parse as parseYaml } from 'yaml';
import { repoRoot } from '@cg/kit';

/**
 * Contracts (per-partner schemas, 合作方子图): a cut of the supergraph chosen by `@tag(name: …)` in the departments'
 * SDL and `schema/contracts/<name>.yaml`. Apollo computes contracts only in its hosted GraphOS and neither
 * @apollo/composition nor @apollo/federation-internals exposes a tag filter, so the choice of elements is made here;
 * the cut itself is federation's own: every element left out gets `@inaccessible` in a copy of the supergraph, and
 * federation-internals removes them and validates the result (the same code that hides `@inaccessible` elements
 * from any API schema). The gateway runs that contract supergraph in its own query planner, so a field outside the
 * contract does not exist there: naming it is a validation error, and introspection shows only the contract.
 *
 * Rules (like GraphOS contracts):
 * - `include` (optional): an object or interface field stays only when it or its type carries an included tag;
 * - `exclude`: any type, field, argument, enum value or input field carrying an excluded tag goes (exclusion wins);
 * - then, until nothing changes: a field whose type went goes, and so does a field or input type losing a required
 *   argument or input field (an optional one is just dropped); an object, interface, union, enum or input type left
 *   with no fields, members or values goes; an interface field goes when an implementation lost it;
 * - finally every type no longer reachable from Query or Mutation goes.
 */
export interface ContractConfig {
  name: string;
  description?: string;
  include: string[];
  exclude: string[];
}

const contractsDir = path.join(repoRoot, 'schema', 'contracts');
export const contractSchemaPath = (name: string) => path.join(contractsDir, `${name}.graphql`);
const NAME = /^[a-z][a-z0-9-]{0,39}$/;

/** Every `schema/contracts/<name>.yaml`, checked: known keys only, lists of tag names. */
export function loadContracts(dir = contractsDir): ContractConfig[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.yaml$/, '');
      const fail = (what: string): never => {
        throw new Error(`schema/contracts/${file}: ${what}`);
      };
      if (!NAME.test(name)) fail('the file name must be a lower-case name (it becomes /graphql/<name>)');
      const raw = (parseYaml(readFileSync(path.join(dir, file), 'utf8')) ?? {}) as Record<string, unknown>;
      for (const key of Object.keys(raw)) if (!['description', 'include', 'exclude'].includes(key)) fail(`unknown key "${key}"`);
      const tags = (key: string): string[] => {
        const value = raw[key] ?? [];
        if (!Array.isArray(value) || !value.every((t) => typeof t === 'string' && t.length > 0)) fail(`"${key}" must be a list of tag names`);
        return value as string[];
      };
      const config = { name, description: typeof raw.description === 'string' ? raw.description : undefined, include: tags('include'), exclude: tags('exclude') };
      if (config.include.length === 0 && config.exclude.length === 0) fail('give "include" or "exclude" tags');
      return config;
    });
}

type Tags = Map<string, Set<string>>;

/** Coordinate (`Type`, `Type.field`, `Type.field(arg)`, `Enum.VALUE`, `Input.field`) → the tags the supergraph gives it. */
function tagsOf(supergraphSdl: string): Tags {
  const tags: Tags = new Map();
  const add = (coordinate: string, directives: readonly DirectiveNode[] | undefined) => {
    for (const d of directives ?? []) {
      const value = d.name.value === 'tag' ? d.arguments?.find((a) => a.name.value === 'name')?.value : undefined;
      if (value?.kind === Kind.STRING) (tags.get(coordinate) ?? tags.set(coordinate, new Set()).get(coordinate)!).add(value.value);
    }
  };
  for (const def of parse(supergraphSdl).definitions) {
    if (!('name' in def) || !def.name || !('directives' in def)) continue;
    const type = def.name.value;
    add(type, def.directives);
    if ('fields' in def) {
      for (const field of def.fields ?? []) {
        add(`${type}.${field.name.value}`, field.directives);
        for (const arg of 'arguments' in field ? (field.arguments ?? []) : []) add(`${type}.${field.name.value}(${arg.name.value})`, arg.directives);
      }
    }
    if ('values' in def) for (const value of def.values ?? []) add(`${type}.${value.name.value}`, value.directives);
  }
  return tags;
}

/** The coordinates of the full API schema a contract leaves out. */
function hiddenElements(api: GraphQLSchema, tags: Tags, config: ContractConfig): Set<string> {
  const hidden = new Set<string>();
  const has = (coordinate: string, list: string[]) => list.some((t) => tags.get(coordinate)?.has(t));
  const excluded = (...coordinates: string[]) => coordinates.some((c) => has(c, config.exclude));
  const types = Object.values(api.getTypeMap()).filter((t) => !t.name.startsWith('__'));
  const gone = (type: GraphQLNamedType) => hidden.has(type.name);
  // Tags as written.
  for (const type of types) {
    if (excluded(type.name)) hidden.add(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        const at = `${type.name}.${field.name}`;
        if (excluded(at, type.name) || (config.include.length > 0 && !has(at, config.include) && !has(type.name, config.include))) hidden.add(at);
        for (const arg of field.args) if (excluded(`${at}(${arg.name})`)) hidden.add(`${at}(${arg.name})`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (excluded(`${type.name}.${field.name}`)) hidden.add(`${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) if (excluded(`${type.name}.${value.name}`)) hidden.add(`${type.name}.${value.name}`);
    }
  }
  // An input whose type or default value went: required → its owner goes, optional → it goes alone.
  const inputGone = (input: GraphQLArgument | GraphQLInputField, at: string) => {
    const named = getNamedType(input.type);
    if (hidden.has(at) || gone(named)) return true;
    if (isEnumType(named) && input.astNode?.defaultValue) {
      const value = valueFromAST(input.astNode.defaultValue, input.type);
      return [value].flat().some((v) => named.getValues().some((ev) => ev.value === v && hidden.has(`${named.name}.${ev.name}`)));
    }
    return false;
  };
  const required = (input: GraphQLArgument | GraphQLInputField) => isNonNullType(input.type) && input.defaultValue === undefined;
  for (let changed = true; changed;) {
    changed = false;
    const hide = (coordinate: string) => !hidden.has(coordinate) && (hidden.add(coordinate), (changed = true));
    for (const type of types) {
      if (gone(type)) continue;
      if (isObjectType(type) || isInterfaceType(type)) {
        const fields = Object.values(type.getFields());
        for (const field of fields) {
          const at = `${type.name}.${field.name}`;
          if (hidden.has(at)) continue;
          if (gone(getNamedType(field.type))) hide(at);
          for (const arg of field.args) {
            if (!inputGone(arg, `${at}(${arg.name})`)) continue;
            if (required(arg)) hide(at);
            else hide(`${at}(${arg.name})`);
          }
          if (isInterfaceType(type) && api.getPossibleTypes(type).some((o) => !gone(o) && hidden.has(`${o.name}.${field.name}`))) hide(at);
        }
        if (fields.every((f) => hidden.has(`${type.name}.${f.name}`))) hide(type.name);
      } else if (isInputObjectType(type)) {
        const fields = Object.values(type.getFields());
        for (const field of fields) {
          if (!inputGone(field, `${type.name}.${field.name}`)) continue;
          if (required(field)) hide(type.name);
          else hide(`${type.name}.${field.name}`);
        }
        if (fields.every((f) => hidden.has(`${type.name}.${f.name}`))) hide(type.name);
      } else if (isUnionType(type)) {
        if (type.getTypes().every(gone)) hide(type.name);
      } else if (isEnumType(type)) {
        if (type.getValues().every((v) => hidden.has(`${type.name}.${v.name}`))) hide(type.name);
      }
    }
  }
  // What the roots no longer reach goes too.
  const reached = new Set<string>();
  const visit = (type: GraphQLNamedType | null | undefined): void => {
    if (!type || gone(type) || reached.has(type.name)) return;
    reached.add(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (hidden.has(`${type.name}.${field.name}`)) continue;
        visit(getNamedType(field.type));
        for (const arg of field.args) if (!hidden.has(`${type.name}.${field.name}(${arg.name})`)) visit(getNamedType(arg.type));
      }
      if (isInterfaceType(type)) api.getPossibleTypes(type).forEach(visit);
    } else if (isUnionType(type)) type.getTypes().forEach(visit);
    else if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) if (!hidden.has(`${type.name}.${field.name}`)) visit(getNamedType(field.type));
  };
  [api.getQueryType(), api.getMutationType(), api.getSubscriptionType()].forEach(visit);
  if (!reached.has(api.getQueryType()?.name ?? 'Query')) throw new Error(`contract ${config.name}: no Query field is left`);
  for (const type of types) if (!reached.has(type.name) && !['String', 'Boolean', 'ID', 'Int', 'Float'].includes(type.name)) hidden.add(type.name);
  return hidden;
}

const INACCESSIBLE_URL = 'https://specs.apollo.dev/inaccessible/v0.2';
const directive = (name: string, args: Record<string, string> = {}, enums: string[] = []): ConstDirectiveNode => ({
  kind: Kind.DIRECTIVE,
  name: { kind: Kind.NAME, value: name },
  arguments: Object.entries(args).map(([k, v]) => ({
    kind: Kind.ARGUMENT,
    name: { kind: Kind.NAME, value: k },
    value: enums.includes(k) ? { kind: Kind.ENUM, value: v } : { kind: Kind.STRING, value: v },
  })),
});
const inaccessible = directive('inaccessible');

/** The supergraph with `@inaccessible` on every element `hidden` names (linking the inaccessible spec when needed). */
function markInaccessible(supergraphSdl: string, hidden: Set<string>): string {
  const document = parse(supergraphSdl);
  const mark = <T extends { directives?: readonly ConstDirectiveNode[] }>(node: T, coordinate: string): T =>
    hidden.has(coordinate) ? { ...node, directives: [...(node.directives ?? []), inaccessible] } : node;
  const linked = supergraphSdl.includes(INACCESSIBLE_URL);
  const definitions = document.definitions.map((def): DefinitionNode => {
    if (def.kind === Kind.SCHEMA_DEFINITION && !linked)
      return { ...def, directives: [...(def.directives ?? []), directive('link', { url: INACCESSIBLE_URL, for: 'SECURITY' }, ['for'])] };
    if (!('name' in def) || !def.name || def.kind === Kind.DIRECTIVE_DEFINITION) return def;
    const type = def.name.value;
    const marked: Record<string, unknown> = { ...mark(def as { directives?: readonly ConstDirectiveNode[] }, type) };
    if ('fields' in def && def.fields) {
      marked.fields = def.fields.map((field) => {
        const at = `${type}.${field.name.value}`;
        const args = 'arguments' in field && field.arguments ? { arguments: field.arguments.map((arg) => mark(arg, `${at}(${arg.name.value})`)) } : {};
        return { ...mark(field, at), ...args };
      });
    }
    if ('values' in def && def.values) marked.values = def.values.map((value) => mark(value, `${type}.${value.name.value}`));
    return marked as unknown as DefinitionNode;
  });
  const extra = linked
    ? ''
    : '\ndirective @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION\n';
  return `${print({ ...document, definitions })}\n${extra}`;
}

export interface Contract extends ContractConfig {
  /** The supergraph the contract's gateway runs: the full one with `@inaccessible` on what the contract leaves out. */
  supergraphSdl: string;
  /** What its clients see (schema/contracts/<name>.graphql). */
  apiSchemaSdl: string;
}

/** Coordinate tags and the full API schema of a supergraph, computed once for all its contracts. */
export function contractInputs(supergraphSdl: string) {
  return { full: Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema(), tags: tagsOf(supergraphSdl) };
}

/** The contract supergraph (unvalidated: the gateway's own load validates it, `buildContract` for compose). */
export function contractSupergraph(supergraphSdl: string, config: ContractConfig, { full, tags } = contractInputs(supergraphSdl)): string {
  const used = new Set([...tags.values()].flatMap((set) => [...set]));
  const unknown = [...config.include, ...config.exclude].filter((t) => !used.has(t));
  if (unknown.length) throw new Error(`contract ${config.name}: no element of the supergraph carries @tag(name: ${unknown.map((t) => JSON.stringify(t)).join(', ')})`);
  return markInaccessible(supergraphSdl, hiddenElements(full, tags, config));
}

/** One contract cut from a supergraph; federation-internals validates the cut (a broken one throws, naming the element). */
export function buildContract(supergraphSdl: string, config: ContractConfig, inputs = contractInputs(supergraphSdl)): Contract {
  const contractSdl = contractSupergraph(supergraphSdl, config, inputs);
  const api = Supergraph.build(contractSdl).apiSchema().toGraphQLJSSchema();
  return { ...config, supergraphSdl: contractSdl, apiSchemaSdl: `${printSchema(api)}\n` };
}

export function buildContracts(supergraphSdl: string, configs = loadContracts()): Contract[] {
  if (configs.length === 0) return [];
  const inputs = contractInputs(supergraphSdl);
  return configs.map((config) => buildContract(supergraphSdl, config, inputs));
}
