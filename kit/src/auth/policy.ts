import { Kind, type ConstDirectiveNode, type DocumentNode, type ObjectTypeDefinitionNode, type ObjectTypeExtensionNode } from 'graphql';
import type { Identity } from '../identity';
import { maskIdNumber, maskName, maskPhone } from '../mask';

/**
 * Access policy declared in each department's SDL with `@access`, `@scope` and `@reads` (kit/schema/common.graphql)
 * and decided here, for the enforcement in the subgraph (enforce.ts), the composition check (missingRules) and the
 * generated policy table (docs/policy.md). Nothing is open by default: every object type has a rule (its own or the
 * department's default on `extend schema`), every root field its own.
 */
export const ROLES = ['GRID_WORKER', 'PARTY_SECRETARY', 'DEPARTMENT_CLERK', 'PROPERTY_STAFF', 'AUDITOR', 'RESIDENT', 'SERVICE'] as const;
export const PURPOSES = ['CASE_HANDLING', 'ASSISTANCE_REVIEW', 'SERVICE_DELIVERY', 'AUDIT'] as const;
export const ROOT_TYPES = ['Query', 'Mutation', 'Subscription'] as const;

/** Categories of personal data; those with a mask are shown de-identified to readers not entitled to the full value. */
export const MASKS: Record<string, ((value: string) => string) | null> = {
  NAME: maskName,
  ID_NUMBER: maskIdNumber,
  PHONE: maskPhone,
  BIRTH_DATE: (date) => `${date.slice(0, 4)}-**-**`,
  ADDRESS: null,
  ASSISTANCE: null,
  HEALTH: null,
  DISABILITY: null,
  EMPLOYMENT: null,
  POLITICAL: null,
};

export interface AccessRule {
  roles?: string[];
  departments?: string[];
  data?: string;
  full?: string[];
  purposes?: string[];
}
/** Document fields holding a row's grid, community and (for RESIDENT callers) the resident it belongs to. */
export interface ScopeRule {
  grid?: string;
  community?: string;
  resident?: string;
}
export interface TypePolicy {
  rule?: AccessRule;
  /** True when `rule` is the department's default rather than the type's own. */
  defaulted?: boolean;
  scope?: ScopeRule;
  fields: Map<string, AccessRule>;
}
export type Policy = Map<string, TypePolicy>;
export type Decision = 'full' | 'masked' | 'denied' | 'unauthenticated';

function readArgs(directive: ConstDirectiveNode, where: string): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const arg of directive.arguments ?? []) {
    const v = arg.value;
    if (v.kind === Kind.LIST) args[arg.name.value] = v.values.map((x) => (x.kind === Kind.STRING || x.kind === Kind.ENUM ? x.value : fail(where)));
    else if (v.kind === Kind.STRING || v.kind === Kind.ENUM) args[arg.name.value] = v.value;
    else fail(where);
  }
  return args;
}
const fail = (where: string): never => {
  throw new Error(`@access/@scope/@reads on ${where}: arguments must be strings or lists of strings`);
};

function checkRule(rule: AccessRule, where: string): AccessRule {
  const unknown = (list: readonly string[] | undefined, known: readonly string[], what: string) => {
    const bad = list?.filter((x) => !known.includes(x)) ?? [];
    if (bad.length) throw new Error(`@access on ${where}: unknown ${what} ${bad.join(', ')} (known: ${known.join(', ')})`);
  };
  unknown(rule.roles, ROLES, 'role');
  unknown(rule.full, ROLES, 'role');
  unknown(rule.purposes, PURPOSES, 'purpose');
  if (rule.data !== undefined && !(rule.data in MASKS)) throw new Error(`@access on ${where}: unknown data category ${rule.data}`);
  return rule;
}

type ObjectNode = ObjectTypeDefinitionNode | ObjectTypeExtensionNode;
const objectTypes = (doc: DocumentNode) => doc.definitions.filter((d): d is ObjectNode => d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION);
const isRoot = (name: string) => (ROOT_TYPES as readonly string[]).includes(name);

/** The department's default rule: `@access` on `extend schema`, for object types that declare none. */
export function defaultRule(doc: DocumentNode): AccessRule | undefined {
  for (const def of doc.definitions) {
    if (def.kind !== Kind.SCHEMA_DEFINITION && def.kind !== Kind.SCHEMA_EXTENSION) continue;
    const d = def.directives?.find((x) => x.name.value === 'access');
    if (d) return checkRule(readArgs(d, 'schema'), 'schema');
  }
  return undefined;
}

/** The policy of one subgraph's SDL (type definitions and extensions alike), the department default applied. */
export function policyFromDocument(doc: DocumentNode, policy: Policy = new Map()): Policy {
  for (const type of objectTypes(doc)) {
    const name = type.name.value;
    const entry: TypePolicy = policy.get(name) ?? { fields: new Map() };
    for (const d of type.directives ?? []) {
      if (d.name.value === 'access') entry.rule = checkRule(readArgs(d, name), name);
      if (d.name.value === 'scope') entry.scope = readArgs(d, name) as ScopeRule;
    }
    for (const field of type.fields ?? []) {
      const d = field.directives?.find((x) => x.name.value === 'access');
      const where = `${name}.${field.name.value}`;
      if (d) entry.fields.set(field.name.value, checkRule(readArgs(d, where), where));
    }
    policy.set(name, entry);
  }
  const fallback = defaultRule(doc);
  for (const [name, entry] of policy) {
    if (!entry.rule && fallback && !isRoot(name)) Object.assign(entry, { rule: fallback, defaulted: true });
  }
  return policy;
}

/**
 * What lacks a rule: object types without `@access` and without a department default, and root fields without
 * their own `@access(roles: …)`. Composition fails and the department refuses to start while this is not empty.
 */
export function missingRules(doc: DocumentNode): string[] {
  const missing: string[] = [];
  const policy = policyFromDocument(doc);
  for (const [name, entry] of policy) if (!isRoot(name) && !entry.rule) missing.push(name);
  for (const type of objectTypes(doc)) {
    if (!isRoot(type.name.value)) continue;
    for (const field of type.fields ?? []) {
      const rule = policy.get(type.name.value)!.fields.get(field.name.value);
      if (!rule?.roles) missing.push(`${type.name.value}.${field.name.value}${rule ? ' (no roles)' : ''}`);
    }
  }
  return missing;
}

/**
 * `@reads(field: "Type.field")` on an argument, input field or enum value: using it (filtering or sorting by it)
 * reveals that field, so only callers who may read it in full may. Keys: `Type.field(arg)`, `Input.field`, `Enum.VALUE`.
 */
export function readsFromDocument(doc: DocumentNode): Map<string, string> {
  const reads = new Map<string, string>();
  const target = (directives: readonly ConstDirectiveNode[] | undefined, where: string) => {
    const d = directives?.find((x) => x.name.value === 'reads');
    if (d) reads.set(where, String(readArgs(d, where).field));
  };
  for (const def of doc.definitions) {
    if (def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.OBJECT_TYPE_EXTENSION) {
      for (const field of def.fields ?? []) for (const arg of field.arguments ?? []) target(arg.directives, `${def.name.value}.${field.name.value}(${arg.name.value})`);
    } else if (def.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION || def.kind === Kind.INPUT_OBJECT_TYPE_EXTENSION) {
      for (const field of def.fields ?? []) target(field.directives, `${def.name.value}.${field.name.value}`);
    } else if (def.kind === Kind.ENUM_TYPE_DEFINITION || def.kind === Kind.ENUM_TYPE_EXTENSION) {
      for (const value of def.values ?? []) target(value.directives, `${def.name.value}.${value.name.value}`);
    }
  }
  return reads;
}

/** The rule that governs reading `type.field`: the field's own, falling back to the type's for roles and departments. */
export function effectiveRule(policy: Policy, type: string, field: string): AccessRule | undefined {
  const entry = policy.get(type);
  if (!entry) return undefined;
  if (field === 'id' || field === '__typename') return undefined; // keys carry no personal data and federation needs them
  const own = entry.fields.get(field);
  if (!own && !entry.rule) return undefined;
  return {
    roles: own?.roles ?? entry.rule?.roles,
    departments: own?.departments ?? entry.rule?.departments,
    data: own?.data,
    full: own?.full,
    purposes: own?.purposes ?? (own ? undefined : entry.rule?.purposes),
  };
}

/** A department qualified by its unit (`property:<companyId>`) is also that department. */
const inDepartments = (departments: string[], department: string) => departments.includes(department) || departments.includes(department.split(':')[0]!);

/**
 * What `identity` gets from something governed by `rule`: nothing without a signed-in caller; `denied` for a role
 * or department not listed, or (a rule with `purposes` but no `full`) without one of the purposes stated; else the
 * full value, or the masked one unless the role is entitled to it in full (under one of `purposes`, when given).
 */
export function decide(rule: AccessRule | undefined, identity: Pick<Identity, 'role' | 'department' | 'purpose'> | null): Decision {
  if (!identity) return 'unauthenticated';
  if (!rule) return 'full';
  if (rule.roles && !rule.roles.includes(identity.role)) return 'denied';
  if (rule.departments && !inDepartments(rule.departments, identity.department)) return 'denied';
  const statedPurpose = identity.purpose !== undefined && rule.purposes?.includes(identity.purpose);
  if (rule.purposes && !rule.full && !statedPurpose) return 'denied';
  if (!rule.data || !rule.full) return 'full';
  if (rule.full.includes(identity.role) && (!rule.purposes || statedPurpose)) return 'full';
  return MASKS[rule.data] ? 'masked' : 'denied';
}

/** Applies a mask decision to a resolved value (strings, lists of strings; null stays null). */
export function maskValue(category: string, value: unknown): unknown {
  const mask = MASKS[category];
  if (value === null || value === undefined || !mask) return value;
  if (Array.isArray(value)) return value.map((v) => maskValue(category, v));
  return mask(String(value));
}
