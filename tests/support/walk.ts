import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { decide, effectiveRule, inScope, type AccessRule, type Decision, type Identity, type Policy } from '@cg/kit';

/**
 * The SDL-driven walk of tests/policy-walk.e2e.ts: for a root field of the supergraph, one operation (required
 * arguments generated, every leaf field the answering department owns selected) and what the rules say each caller
 * gets, down to each governed leaf. Expectations come from the department's policy (`decide`), never from an answer.
 */
export interface Probe {
  root: 'Query' | 'Mutation';
  field: string;
  department: string;
  rule: AccessRule;
  document: string;
  variables: Record<string, unknown>;
  /** The row a single-row field answers with, when known, and its type (for its scope). */
  target?: Record<string, unknown>;
  targetType?: string;
  /** Object steps below the root: `field.edges`, `field.edges.node`, with the rules the kit applies there. */
  steps: Array<{ path: string; rules: Array<AccessRule | undefined> }>;
  /** Selected leaves and the rule of each: `field.edges.node.name`. */
  leaves: Array<{ path: string; rule: AccessRule | undefined }>;
}

export type Outcome = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'DATA';

/** Where an error or value sits, without list indices: `residents.edges.node.name`. */
export const pattern = (path: ReadonlyArray<string | number> | undefined) => (path ?? []).filter((p) => typeof p === 'string').join('.');

const worst = (decisions: Decision[]): Decision =>
  decisions.find((d) => d === 'unauthenticated') ?? decisions.find((d) => d === 'denied') ?? decisions.find((d) => d === 'masked') ?? 'full';

/** Values reached by a dotted path through objects and lists. */
export function valuesAt(data: unknown, path: string): unknown[] {
  let current: unknown[] = [data];
  for (const key of path.split('.')) {
    current = current.flatMap((v) => (v === null || v === undefined ? [] : Array.isArray(v) ? v : [v])).map((v) => (v as Record<string, unknown>)[key]);
  }
  return current.flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v) => v !== undefined);
}

/** The root outcome the rules give `identity`, and the paths below it the rules refuse or mask. */
export function expected(probe: Probe, policy: Policy, identity: Identity | null): { outcome: Outcome; refused: Set<string>; masked: string[] } {
  const decisions = (rules: Array<AccessRule | undefined>) => worst(rules.map((r) => decide(r, identity)));
  const root = worst([decide(probe.rule, identity), ...probe.steps.filter((s) => s.path === probe.field).map((s) => decisions(s.rules))]);
  const refusedRoot = new Set([probe.field]);
  if (root === 'unauthenticated') return { outcome: 'UNAUTHENTICATED', refused: refusedRoot, masked: [] };
  if (root === 'denied') return { outcome: 'FORBIDDEN', refused: refusedRoot, masked: [] };
  const scope = probe.targetType ? policy.get(probe.targetType)?.scope : undefined;
  if (scope && probe.target && !inScope(probe.target, scope, identity)) return { outcome: 'FORBIDDEN', refused: refusedRoot, masked: [] };
  const refused = new Set<string>();
  const masked: string[] = [];
  const blocked = (path: string) => [...refused].some((r) => path.startsWith(`${r}.`));
  for (const step of probe.steps) {
    if (step.path !== probe.field && !blocked(step.path) && decisions(step.rules) !== 'full') refused.add(step.path);
  }
  for (const leaf of probe.leaves) {
    if (blocked(leaf.path)) continue;
    const decision = decide(leaf.rule, identity);
    if (decision === 'denied') refused.add(leaf.path);
    if (decision === 'masked') masked.push(leaf.path);
  }
  return { outcome: 'DATA', refused, masked };
}

/** Leaf fields of `type` that `department` answers itself and that need no argument. */
function leaves(type: GraphQLObjectType, department: string, owners: Map<string, Set<string>>) {
  return Object.values(type.getFields()).filter(
    (f) =>
      isLeafType(getNamedType(f.type)) &&
      f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined) &&
      (owners.get(`${type.name}.${f.name}`)?.has(department) ?? false),
  );
}

const isConnection = (type: GraphQLObjectType) => 'edges' in type.getFields() && 'totalCount' in type.getFields();

/** The selection set under a root field of the given return type, with its steps and leaves for `expected`. */
export function selection(field: GraphQLField<unknown, unknown>, department: string, policy: Policy, owners: Map<string, Set<string>>) {
  const named = getNamedType(field.type);
  const gate = (name: string) => policy.get(name)?.rule;
  const steps: Probe['steps'] = [];
  const leafChecks: Probe['leaves'] = [];
  if (!isObjectType(named)) return { text: '', steps, leaves: leafChecks };
  steps.push({ path: field.name, rules: [gate(named.name)] });
  const objectSelection = (type: GraphQLObjectType, path: string) => {
    const own = leaves(type, department, owners);
    for (const f of own) leafChecks.push({ path: `${path}.${f.name}`, rule: effectiveRule(policy, type.name, f.name) });
    return `{ __typename ${own.map((f) => f.name).join(' ')} }`;
  };
  if (!isConnection(named)) return { text: objectSelection(named, field.name), steps, leaves: leafChecks };
  const edge = getNamedType(named.getFields().edges!.type) as GraphQLObjectType;
  const node = getNamedType(edge.getFields().node!.type) as GraphQLObjectType;
  steps.push({ path: `${field.name}.edges`, rules: [effectiveRule(policy, named.name, 'edges'), gate(edge.name)] });
  steps.push({ path: `${field.name}.edges.node`, rules: [effectiveRule(policy, edge.name, 'node'), gate(node.name)] });
  return { text: `{ totalCount edges { node ${objectSelection(node, `${field.name}.edges.node`)} } }`, steps, leaves: leafChecks };
}

/** Plausible values by argument name; ids and lookups come from `pick`, everything else from the name and type. */
export function generate(type: GraphQLInputType, name: string, pick: (name: string) => unknown, depth = 0): unknown {
  if (isNonNullType(type)) return generate(type.ofType, name, pick, depth);
  if (isListType(type)) return [generate(type.ofType, name, pick, depth)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined && depth < 3);
    return Object.fromEntries(fields.map((f) => [f.name, generate(f.type, f.name, pick, depth + 1)]));
  }
  const picked = pick(name);
  if (picked !== undefined) return picked;
  switch (type.name) {
    case 'Int':
      return /year/i.test(name) ? 2025 : /score|rating/i.test(name) ? 3 : 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'ID':
      return '0123456789abcdef01234567';
  }
  if (name === 'from') return '2020-01-01T00:00:00Z';
  if (name === 'to') return '2030-01-01T00:00:00Z';
  if (/month/i.test(name)) return '2025-01';
  if (/quarter|period/i.test(name)) return '2025-Q1';
  if (/date|On$|^on$|since|asOf/i.test(name)) return '2025-01-15';
  return 'walk';
}

/** `query` or `mutation` text for a root field with its required arguments as variables. */
export function operation(root: 'Query' | 'Mutation', field: GraphQLField<unknown, unknown>, values: Record<string, unknown>, selectionText: string) {
  const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const declared = required.map((a) => `$${a.name}: ${a.type}`).join(', ');
  const passed = required.map((a) => `${a.name}: $${a.name}`).join(', ');
  const op = root === 'Query' ? 'query' : 'mutation';
  return {
    document: `${op} Walk${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''} ${selectionText} }`,
    variables: Object.fromEntries(required.map((a) => [a.name, values[a.name]])),
  };
}
