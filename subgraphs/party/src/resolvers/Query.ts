import { fetchById } from '@cg/kit';
import type { Context } from '../context';
import * as lists from '../lists';

const list = <A>(fn: (args: A, ctx: Context) => unknown) => (_: unknown, args: A, ctx: Context) => fn(args, ctx);

export const Query = {
  // --- organisation tree and members
  partyOrganizations: list(lists.partyOrganizations),
  partyOrganization: fetchById((ctx: Context) => ctx.loaders.organization),
  partyMembers: list(lists.partyMembers),
  partyMember: fetchById((ctx: Context) => ctx.loaders.member),
  // --- 双报到, service posts, quota
  dualRegistrations: list(lists.dualRegistrations),
  dualRegistration: fetchById((ctx: Context) => ctx.loaders.dualRegistration),
  servicePosts: list(lists.servicePosts),
  servicePost: fetchById((ctx: Context) => ctx.loaders.servicePost),
  serviceActivities: list(lists.serviceActivities),
  quotaShortfalls: list(lists.quotaShortfalls),
  // --- 微心愿
  microWishes: list(lists.microWishes),
  microWish: fetchById((ctx: Context) => ctx.loaders.microWish),
  // --- 党员奉献积分 and 党员奉献奖
  pointEntries: list(lists.pointEntries),
  awardNominations: list(lists.awardNominations),
  branchesWithoutNomination: list(lists.branchesWithoutNomination),
  // --- 大党委 and 包联
  jointBuildingUnits: list(lists.jointBuildingUnits),
  jointBuildingUnit: fetchById((ctx: Context) => ctx.loaders.jointBuildingUnit),
  liaisonAssignments: list(lists.liaisonAssignments),
  liaisonAssignment: fetchById((ctx: Context) => ctx.loaders.liaisonAssignment),
};
