import { fetchById } from '@cg/kit';
import type { Context } from '../context';
import type { QueryResolvers } from '../generated/resolvers-types';
import * as lists from '../lists';

export const Query = {
  // --- organisation tree and members
  partyOrganizations: (_, args, ctx) => lists.partyOrganizations(ctx, args),
  partyOrganization: fetchById((ctx: Context) => ctx.loaders.organization),
  partyMembers: (_, args, ctx) => lists.partyMembers(ctx, args),
  partyMember: fetchById((ctx: Context) => ctx.loaders.member),
  // --- 双报到, service posts, quota
  dualRegistrations: (_, args, ctx) => lists.dualRegistrations(ctx, args),
  dualRegistration: fetchById((ctx: Context) => ctx.loaders.dualRegistration),
  servicePosts: (_, args, ctx) => lists.servicePosts(ctx, args),
  servicePost: fetchById((ctx: Context) => ctx.loaders.servicePost),
  serviceActivities: (_, args, ctx) => lists.serviceActivities(ctx, args),
  quotaShortfalls: (_, args, ctx) => lists.quotaShortfalls(ctx, args),
  // --- 微心愿
  microWishes: (_, args, ctx) => lists.microWishes(ctx, args),
  microWish: fetchById((ctx: Context) => ctx.loaders.microWish),
  // --- 党员奉献积分 and 党员奉献奖
  pointEntries: (_, args, ctx) => lists.pointEntries(ctx, args),
  awardNominations: (_, args, ctx) => lists.awardNominations(ctx, args),
  branchesWithoutNomination: (_, args, ctx) => lists.branchesWithoutNomination(ctx, args),
  // --- 大党委 and 包联
  jointBuildingUnits: (_, args, ctx) => lists.jointBuildingUnits(ctx, args),
  jointBuildingUnit: fetchById((ctx: Context) => ctx.loaders.jointBuildingUnit),
  liaisonAssignments: (_, args, ctx) => lists.liaisonAssignments(ctx, args),
  liaisonAssignment: fetchById((ctx: Context) => ctx.loaders.liaisonAssignment),
} satisfies QueryResolvers;
