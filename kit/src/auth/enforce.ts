import {
  defaultFieldResolver,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { trailOf } from '../audit';
import { ErrorCode, typedError } from '../errors';
import { trusted } from '../mongo';
import type { Identity } from '../identity';
import { decide, effectiveRule, maskValue, type AccessRule, type Decision, type Policy, type ScopeRule } from './policy';

type Ctx = { identity: Identity | null };

function refuseUnlessReadable(decision: Decision, what: string, rule?: AccessRule, identity?: Identity | null): void {
  if (decision === 'unauthenticated') throw typedError(ErrorCode.UNAUTHENTICATED, `${what} needs a signed-in caller`, { field: what });
  if (decision !== 'denied') return;
  // A caller whose role and department fit but who stated no purpose the rule serves is told which purposes would.
  if (rule?.purposes && !rule.full && decide({ ...rule, purposes: undefined }, identity ?? null) !== 'denied') {
    throw typedError(ErrorCode.FORBIDDEN, `${what} needs a stated purpose (x-purpose: ${rule.purposes.join(', ')})`, { field: what, reason: 'PURPOSE_REQUIRED' });
  }
  throw typedError(ErrorCode.FORBIDDEN, `${what} is not available to this role, department or purpose`, { field: what, reason: 'rule' });
}

/**
 * Whether a row lies inside the caller's scope: a RESIDENT reaches only rows of a type scoped by `resident` whose
 * resident is the caller; anyone else the rows of their grids and communities (empty lists: everything).
 */
export function inScope(doc: Record<string, unknown> | null | undefined, scope: ScopeRule, identity: Identity | null): boolean {
  if (!doc || !identity) return true;
  if (identity.role === 'RESIDENT') return scope.resident !== undefined && String(doc[scope.resident]) === identity.subject;
  const { gridIds, communityIds } = identity.scope;
  if (scope.grid && gridIds.length && !gridIds.includes(String(doc[scope.grid]))) return false;
  if (scope.community && communityIds.length && !communityIds.includes(String(doc[scope.community]))) return false;
  return true;
}

/**
 * Master data of a community (its record, estates, buildings, dwellings) is changed only by callers covering it:
 * department-wide callers (no scope) everywhere, callers scoped to communities in theirs; a caller scoped to grids
 * only is narrower than a community and changes none. `communityId` null means a new community: department-wide only.
 */
export function requireCommunityScope(identity: Identity | null, communityId: string | null, field: string): void {
  const scope = identity?.scope;
  if (scope && scope.communityIds.length === 0 && scope.gridIds.length === 0) return;
  if (scope && communityId !== null && scope.communityIds.includes(communityId)) return;
  throw typedError(ErrorCode.FORBIDDEN, "the community lies outside the caller's communities", { field, reason: 'scope' });
}

/**
 * A filter for list queries so out-of-scope rows never leave the database (counts included). One id is an
 * equality, which FerretDB runs in SQL; several an `$in`. Combine it with a list's own filter by `andFilters`.
 */
export function scopeFilter(identity: Identity | null, scope: ScopeRule | undefined): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (!identity || !scope) return filter;
  if (identity.role === 'RESIDENT') {
    if (scope.resident) filter[scope.resident] = identity.subject;
    else filter._id = trusted({ $in: [] }); // no rows of this type belong to a resident
    return filter;
  }
  // Built from verified ids only (parseIdentity); the operator is ours.
  const match = (ids: string[]) => (ids.length === 1 ? ids[0] : trusted({ $in: ids }));
  if (scope.grid && identity.scope.gridIds.length) filter[scope.grid] = match(identity.scope.gridIds);
  if (scope.community && identity.scope.communityIds.length) filter[scope.community] = match(identity.scope.communityIds);
  return filter;
}

/** Both filters at once: merged when their keys differ (FerretDB pushes top-level equalities into SQL), else `$and`. */
export function andFilters(...filters: Array<Record<string, unknown>>): Record<string, unknown> {
  const parts = filters.filter((f) => Object.keys(f).length > 0);
  if (parts.length <= 1) return parts[0] ?? {};
  const keys = parts.flatMap((f) => Object.keys(f));
  const clash = new Set(keys).size !== keys.length || keys.some((k) => k.startsWith('$'));
  return clash ? { $and: parts } : Object.assign({}, ...parts);
}

function outOfScope(what: string): never {
  throw typedError(ErrorCode.FORBIDDEN, `${what} lies outside the caller's grids or communities`, { field: what, reason: 'scope' });
}

type ArgCheck = (args: Record<string, unknown>, identity: Identity | null) => void;

/**
 * The `@reads` checks of one field's arguments: a filter or sort on a governed field needs the right to read that
 * field in full (a masked reader could otherwise narrow a search down to the hidden value).
 */
function argChecks(type: GraphQLObjectType, fieldName: string, policy: Policy, reads: Map<string, string>): ArgCheck[] {
  const checks: ArgCheck[] = [];
  const require = (coordinate: string, used: string) => {
    const [t, f] = coordinate.split('.');
    const rule = effectiveRule(policy, t!, f!);
    if (!rule) throw new Error(`@reads on ${used}: ${coordinate} has no rule in this department`);
    return (identity: Identity | null) => {
      if (decide(rule, identity) !== 'full') {
        throw typedError(ErrorCode.FORBIDDEN, `${used} needs the right to read ${coordinate}`, { field: used, reason: 'rule', reads: coordinate });
      }
    };
  };
  const walk = (inputType: GraphQLInputType, get: (args: Record<string, unknown>) => unknown, depth: number): void => {
    const named = getNamedType(inputType);
    if (isEnumType(named)) {
      for (const value of named.getValues()) {
        const coordinate = reads.get(`${named.name}.${value.name}`);
        if (!coordinate) continue;
        const check = require(coordinate, `${named.name}.${value.name}`);
        checks.push((args, identity) => void ([get(args)].flat().includes(value.value) && check(identity)));
      }
    } else if (isInputObjectType(named) && depth < 4) {
      for (const field of Object.values(named.getFields())) {
        const at = (args: Record<string, unknown>) =>
          [get(args)]
            .flat()
            .map((v) => (v as Record<string, unknown> | null)?.[field.name])
            .find((v) => v != null);
        const coordinate = reads.get(`${named.name}.${field.name}`);
        if (coordinate) {
          const check = require(coordinate, `${named.name}.${field.name}`);
          checks.push((args, identity) => void (at(args) != null && check(identity)));
        }
        walk(field.type, at, depth + 1);
      }
    }
  };
  for (const arg of type.getFields()[fieldName]!.args) {
    const get = (args: Record<string, unknown>) => args[arg.name];
    const coordinate = reads.get(`${type.name}.${fieldName}(${arg.name})`);
    if (coordinate) {
      const check = require(coordinate, `${type.name}.${fieldName}(${arg.name})`);
      checks.push((args, identity) => void (get(args) != null && check(identity)));
    }
    walk(arg.type, get, 0);
  }
  return checks;
}

const isEntity = (type: GraphQLObjectType) => [type.astNode, ...type.extensionASTNodes].some((node) => node?.directives?.some((d) => d.name.value === 'key'));

/**
 * Wraps, in place, every resolver the policy concerns: role/department/purpose and `@reads` checks before the
 * resolver runs (a refused mutation never reaches its resolver), row scope on what it returns, masking and the audit
 * trail after. A refusal is a field error (null + FORBIDDEN or UNAUTHENTICATED), so the rest of the answer arrives.
 * A type's own rule is checked where its objects enter the answer: every field returning the type, and `_entities`.
 */
export function applyAccessPolicy(schema: GraphQLSchema, policy: Policy, reads: Map<string, string> = new Map()): GraphQLSchema {
  const roots = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('_')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.name.startsWith('_')) continue; // _entities and _service: federation's own, checked per entity below
      const what = `${type.name}.${field.name}`;
      const own = policy.get(type.name)?.fields.get(field.name);
      if (roots.has(type.name) && !own) throw new Error(`${what} has no @access rule`);
      const rule = effectiveRule(policy, type.name, field.name);
      const target = policy.get(getNamedType(field.type).name);
      const gate: AccessRule | undefined = target?.rule && { roles: target.rule.roles, departments: target.rule.departments, purposes: target.rule.purposes };
      const scope = target?.scope;
      const checks = argChecks(type, field.name, policy, reads);
      if (!own && !gate && !scope && checks.length === 0) continue;
      const resolve: GraphQLFieldResolver<unknown, Ctx> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, ctx, info) => {
        const decision = decide(rule, ctx.identity);
        refuseUnlessReadable(decision, what, rule, ctx.identity);
        if (gate) refuseUnlessReadable(decide(gate, ctx.identity), what);
        for (const check of checks) check(args, ctx.identity);
        if (!scope && !rule?.data) return resolve(source, args, ctx, info);
        return Promise.resolve(resolve(source, args, ctx, info)).then((resolved: unknown) => {
          let value = resolved;
          if (scope && value) {
            if (Array.isArray(value)) value = (value as Record<string, unknown>[]).filter((doc) => inScope(doc, scope, ctx.identity));
            else if (!inScope(value as Record<string, unknown>, scope, ctx.identity)) outOfScope(what);
          }
          if (rule?.data) {
            trailOf(ctx).read(what, source);
            if (decision === 'masked') value = maskValue(rule.data, value);
          }
          return value;
        });
      };
    }
    // Entities fetched through `_entities` (another department's field pointing here) obey the type's rule and scope.
    const entry = policy.get(type.name);
    if (!isEntity(type) || !entry?.rule) continue;
    const extensions = type.extensions as { apollo?: { subgraph?: { resolveReference?: (reference: unknown, ctx: Ctx, info: unknown) => unknown } } };
    const resolveReference = extensions.apollo?.subgraph?.resolveReference;
    const rule = entry.rule;
    const scope = entry.scope;
    const gated = (reference: unknown, ctx: Ctx, info: unknown) => {
      try {
        refuseUnlessReadable(decide(rule, ctx.identity), type.name);
      } catch (error) {
        return Promise.reject(error); // this entity only; the rest of the `_entities` batch is answered
      }
      // Called synchronously so a malformed key still throws at once and refuses the whole `_entities` call.
      const result = resolveReference ? resolveReference(reference, ctx, info) : reference;
      if (!scope) return result;
      return Promise.resolve(result as Promise<Record<string, unknown> | null>).then((doc) => {
        if (!inScope(doc, scope, ctx.identity)) outOfScope(type.name);
        return doc;
      });
    };
    (type as { extensions: unknown }).extensions = { ...extensions, apollo: { ...extensions.apollo, subgraph: { ...extensions.apollo?.subgraph, resolveReference: gated } } };
  }
  return schema;
}
