import { defaultFieldResolver, getNamedType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { trailOf } from '../audit';
import { ErrorCode, typedError } from '../errors';
import { trusted } from '../mongo';
import type { Identity } from '../identity';
import { decide, effectiveRule, maskValue, type AccessRule, type Decision, type Policy, type ScopeRule } from './policy';

type Ctx = { identity: Identity | null };

function refuseUnlessReadable(decision: Decision, what: string): void {
  if (decision === 'unauthenticated') throw typedError(ErrorCode.UNAUTHENTICATED, `${what} needs a signed-in caller`, { field: what });
  if (decision === 'denied') throw typedError(ErrorCode.FORBIDDEN, `${what} is not available to this role, department or purpose`, { field: what });
}

/** Whether a row lies inside the caller's scope (empty lists: the caller covers everything). */
export function inScope(doc: Record<string, unknown> | null | undefined, scope: ScopeRule, identity: Identity | null): boolean {
  if (!doc || !identity) return true;
  const { gridIds, communityIds } = identity.scope;
  if (scope.grid && gridIds.length && !gridIds.includes(String(doc[scope.grid]))) return false;
  if (scope.community && communityIds.length && !communityIds.includes(String(doc[scope.community]))) return false;
  return true;
}

/** A filter for list queries so out-of-scope rows never leave the database (counts included). */
export function scopeFilter(identity: Identity | null, scope: ScopeRule): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  // Built from verified ids only (parseIdentity); the operator is ours.
  const $in = (ids: string[]) => trusted({ $in: ids });
  if (identity && scope.grid && identity.scope.gridIds.length) filter[scope.grid] = $in(identity.scope.gridIds);
  if (identity && scope.community && identity.scope.communityIds.length) filter[scope.community] = $in(identity.scope.communityIds);
  return filter;
}

function outOfScope(what: string): never {
  throw typedError(ErrorCode.FORBIDDEN, `${what} lies outside the caller's grids or communities`, { field: what, reason: 'scope' });
}

/**
 * Wraps, in place, every resolver the policy concerns: role/department/purpose checks before the resolver runs,
 * row scope on what it returns, masking and the audit trail after. A refusal is a field error (null + FORBIDDEN or
 * UNAUTHENTICATED), so the rest of the answer still arrives.
 */
export function applyAccessPolicy(schema: GraphQLSchema, policy: Policy): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const what = `${type.name}.${field.name}`;
      const rule = effectiveRule(policy, type.name, field.name);
      const target = policy.get(getNamedType(field.type).name);
      const gate: AccessRule | undefined = target?.rule && { roles: target.rule.roles, departments: target.rule.departments };
      const scope = target?.scope;
      if (!rule && !gate && !scope) continue;
      const resolve: GraphQLFieldResolver<any, Ctx> = field.resolve ?? defaultFieldResolver;
      field.resolve = async (source, args, ctx, info) => {
        const decision = decide(rule, ctx.identity);
        refuseUnlessReadable(decision, what);
        if (gate) refuseUnlessReadable(decide(gate, ctx.identity), what);
        let value: any = await resolve(source, args, ctx, info);
        if (scope && value) {
          if (Array.isArray(value)) value = value.filter((doc) => inScope(doc, scope, ctx.identity));
          else if (!inScope(value, scope, ctx.identity)) outOfScope(what);
        }
        if (rule?.data) {
          trailOf(ctx).read(what, source);
          if (decision === 'masked') value = maskValue(rule.data, value);
        }
        return value;
      };
    }
    // Entities fetched through `_entities` (another department's field pointing here) obey the same row scope.
    const subgraph = (type.extensions as { apollo?: { subgraph?: { resolveReference?: (...a: any[]) => any } } }).apollo?.subgraph;
    const scope = policy.get(type.name)?.scope;
    if (subgraph?.resolveReference && scope) {
      const resolveReference = subgraph.resolveReference;
      // Called synchronously so a malformed key still throws at once and refuses the whole `_entities` call.
      subgraph.resolveReference = (reference: unknown, ctx: Ctx, info: unknown) =>
        Promise.resolve(resolveReference(reference, ctx, info)).then((doc: Record<string, unknown> | null) => {
          if (!inScope(doc, scope, ctx.identity)) outOfScope(type.name);
          return doc;
        });
    }
  }
  return schema;
}
