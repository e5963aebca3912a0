import { Kind, type ConstDirectiveNode, type DocumentNode, type ObjectTypeDefinitionNode, type ObjectTypeExtensionNode } from 'graphql';
import type { Identity } from '../identity';
import { maskIdNumber, maskName, maskPhone } from '../mask';

/**
 * Access policy declared in each department's SDL with `@access` and `@scope` (kit/schema/common.graphql) and
 * decided here, for the enforcement in the subgraph (enforce.ts) and for the generated policy table (docs/policy.md).
 */
export const ROLES = ['GRID_WORKER', 'PARTY_SECRETARY', 'DEPARTMENT_CLERK', 'PROPERTY_STAFF', 'AUDITOR', 'SERVICE'] as const;
export const PURPOSES = ['CASE_HANDLING', 'ASSISTANCE_REVIEW', 'SERVICE_DELIVERY', 'AUDIT'] as const;

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
export interface ScopeRule {
  grid?: string;
  community?: string;
}
export interface TypePolicy {
  rule?: AccessRule;
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
  throw new Error(`@access/@scope on ${where}: arguments must be strings or lists of strings`);
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

/** The policy of one subgraph's SDL (type definitions and extensions alike). */
export function policyFromDocument(doc: DocumentNode, policy: Policy = new Map()): Policy {
  for (const def of doc.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const type = def as ObjectTypeDefinitionNode | ObjectTypeExtensionNode;
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
    if (entry.rule || entry.scope || entry.fields.size) policy.set(name, entry);
  }
  return policy;
}

/** The rule that governs reading `type.field`: the field's own, falling back to the type's for roles and departments. */
export function effectiveRule(policy: Policy, type: string, field: string): AccessRule | undefined {
  const entry = policy.get(type);
  if (!entry) return undefined;
  if (field === 'id' || field === '__typename') return undefined; // keys carry no personal data and federation needs them
  const own = entry.fields.get(field);
  if (!own && !entry.rule) return undefined;
  return { roles: own?.roles ?? entry.rule?.roles, departments: own?.departments ?? entry.rule?.departments, data: own?.data, full: own?.full, purposes: own?.purposes };
}

/** What `identity` gets from a field governed by `rule` (undefined: public). */
export function decide(rule: AccessRule | undefined, identity: Pick<Identity, 'role' | 'department' | 'purpose'> | null): Decision {
  if (!rule) return 'full';
  if (!identity) return 'unauthenticated';
  if (rule.roles && !rule.roles.includes(identity.role)) return 'denied';
  if (rule.departments && !rule.departments.includes(identity.department)) return 'denied';
  if (!rule.data || !rule.full) return 'full';
  const entitled = rule.full.includes(identity.role) && (!rule.purposes || (identity.purpose !== undefined && rule.purposes.includes(identity.purpose)));
  if (entitled) return 'full';
  return MASKS[rule.data] ? 'masked' : 'denied';
}

/** Applies a mask decision to a resolved value (strings, lists of strings; null stays null). */
export function maskValue(category: string, value: unknown): unknown {
  const mask = MASKS[category];
  if (value === null || value === undefined || !mask) return value;
  if (Array.isArray(value)) return value.map((v) => maskValue(category, v));
  return mask(String(value));
}
