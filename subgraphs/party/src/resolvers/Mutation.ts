import type { MutationResolvers } from '../generated/resolvers-types';
import * as awards from '../commands/awards';
import * as bigCommittee from '../commands/bigCommittee';
import * as service from '../commands/service';
import * as tree from '../commands/tree';
import * as wishes from '../commands/wishes';

export const Mutation = {
  // --- organisation tree and members
  createPartyOrganization: (_, { input }, ctx) => tree.createPartyOrganization(ctx, input),
  createPartyMember: (_, { input }, ctx) => tree.createPartyMember(ctx, input),
  updatePartyMember: (_, { id, input }, ctx) => tree.updatePartyMember(ctx, id, input),
  // --- 双报到, service posts, quota
  createDualRegistration: (_, { input }, ctx) => service.createDualRegistration(ctx, input),
  createServicePost: (_, { input }, ctx) => service.createServicePost(ctx, input),
  claimServicePost: (_, { input }, ctx) => service.claimServicePost(ctx, input),
  recordServiceActivity: (_, { input }, ctx) => service.recordServiceActivity(ctx, input),
  // --- 微心愿
  publishMicroWish: (_, { input }, ctx) => wishes.publishMicroWish(ctx, input),
  claimMicroWish: (_, args, ctx) => wishes.claimMicroWish(ctx, args),
  completeMicroWish: (_, args, ctx) => wishes.completeMicroWish(ctx, args),
  approveMicroWish: (_, args, ctx) => wishes.approveMicroWish(ctx, args),
  // --- 党员奉献积分 and 党员奉献奖
  creditMemberPoints: (_, { input }, ctx) => awards.creditMemberPoints(ctx, input),
  evaluateMonthlyPoints: (_, { month }, ctx) => awards.evaluateMonthlyPoints(ctx, month),
  nominateForAward: (_, { input }, ctx) => awards.nominateForAward(ctx, input),
  // --- 大党委 and 包联
  createJointBuildingUnit: (_, { input }, ctx) => bigCommittee.createJointBuildingUnit(ctx, input),
  createLiaisonAssignment: (_, { input }, ctx) => bigCommittee.createLiaisonAssignment(ctx, input),
  scoreLiaison: (_, { id, input }, ctx) => bigCommittee.scoreLiaison(ctx, id, input),
} satisfies MutationResolvers;
