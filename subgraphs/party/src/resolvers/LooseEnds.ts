import { actor, fetchById, requirePastDate } from '@cg/kit';
import { completePostClaim, sweepOverdueClaims } from '../claimsDue';
import type { Context } from '../context';
import type { MutationResolvers, QueryResolvers } from '../generated/resolvers-types';
import { creditCaseHelpers } from '../jointCase/memberCredits';
import { createUnitRegistration, unitRegistrations } from '../unitRegistrations';

/** Root fields of 单位党组织报到 and of points following the work (merged into Query and Mutation in index.ts). */
export const looseEndQueries = {
  unitRegistrations: (_, args, ctx) => unitRegistrations(ctx, args),
  unitRegistration: fetchById((ctx: Context) => ctx.loaders.unitRegistration),
} satisfies QueryResolvers;

export const looseEndMutations = {
  createUnitRegistration: (_, { input }, ctx) => createUnitRegistration(ctx, input),
  completePostClaim: (_, args, ctx) => completePostClaim(ctx, args),
  sweepOverdueClaims: (_, { asOf }, ctx) => sweepOverdueClaims(ctx.models, requirePastDate(asOf, 'asOf'), actor(ctx)),
  creditCaseHelpers: (_, { input }, ctx) => creditCaseHelpers(ctx, input),
} satisfies MutationResolvers;
