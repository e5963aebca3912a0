import type { Context } from '../context';
import * as awards from '../commands/awards';
import * as bigCommittee from '../commands/bigCommittee';
import * as service from '../commands/service';
import * as tree from '../commands/tree';
import * as wishes from '../commands/wishes';

type Input = { input: any };

export const Mutation = {
  // --- organisation tree and members
  createPartyOrganization: (_: unknown, { input }: Input, ctx: Context) => tree.createPartyOrganization(input, ctx),
  createPartyMember: (_: unknown, { input }: Input, ctx: Context) => tree.createPartyMember(input, ctx),
  updatePartyMember: (_: unknown, { id, input }: Input & { id: string }, ctx: Context) => tree.updatePartyMember(id, input, ctx),
  // --- 双报到, service posts, quota
  createDualRegistration: (_: unknown, { input }: Input, ctx: Context) => service.createDualRegistration(input, ctx),
  createServicePost: (_: unknown, { input }: Input, ctx: Context) => service.createServicePost(input, ctx),
  claimServicePost: (_: unknown, { input }: Input, ctx: Context) => service.claimServicePost(input, ctx),
  recordServiceActivity: (_: unknown, { input }: Input, ctx: Context) => service.recordServiceActivity(input, ctx),
  // --- 微心愿
  publishMicroWish: (_: unknown, { input }: Input, ctx: Context) => wishes.publishMicroWish(input, ctx),
  claimMicroWish: (_: unknown, args: { id: string; memberId: string; claimedOn: string }, ctx: Context) => wishes.claimMicroWish(args, ctx),
  completeMicroWish: (_: unknown, args: { id: string; doneOn: string; note?: string | null }, ctx: Context) => wishes.completeMicroWish(args, ctx),
  approveMicroWish: (_: unknown, args: { id: string; approvedOn: string; rating: string }, ctx: Context) => wishes.approveMicroWish(args, ctx),
  // --- 党员奉献积分 and 党员奉献奖
  creditMemberPoints: (_: unknown, { input }: Input, ctx: Context) => awards.creditMemberPoints(input, ctx),
  evaluateMonthlyPoints: (_: unknown, { month }: { month: string }, ctx: Context) => awards.evaluateMonthlyPoints(month, ctx),
  nominateForAward: (_: unknown, { input }: Input, ctx: Context) => awards.nominateForAward(input, ctx),
  // --- 大党委 and 包联
  createJointBuildingUnit: (_: unknown, { input }: Input, ctx: Context) => bigCommittee.createJointBuildingUnit(input, ctx),
  createLiaisonAssignment: (_: unknown, { input }: Input, ctx: Context) => bigCommittee.createLiaisonAssignment(input, ctx),
  scoreLiaison: (_: unknown, { id, input }: Input & { id: string }, ctx: Context) => bigCommittee.scoreLiaison(id, input, ctx),
};
