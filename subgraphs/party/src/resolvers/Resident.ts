import { andFilters, extendedEntity, paginate } from '@cg/kit';
import type { ResidentResolvers } from '../generated/resolvers-types';
import type { JointCaseDoc } from '../models/JointCase';

/** Party's fields on civil affairs' Resident: membership and the joint cases the resident reported. */
export const Resident = {
  ...extendedEntity,
  partyMembership: (resident, _, { loaders }) => loaders.memberByResident.load(resident.id),
  jointCases: (resident, args, ctx) =>
    paginate<JointCaseDoc>(ctx.models.JointCase, andFilters({ reporterId: resident.id }, ctx.scopeFilter('JointCase')), { submittedAt: -1 }, args),
} satisfies ResidentResolvers;
