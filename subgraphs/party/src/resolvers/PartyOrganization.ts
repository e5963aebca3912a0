import { entityResolvers, statisticsId } from '@cg/kit';
import type { Context } from '../context';
import type { PartyOrganizationResolvers } from '../generated/resolvers-types';
import { requireQuarter } from '../inputs';
import type { PartyOrganizationDoc } from '../models/PartyOrganization';
import { partyStatistics, requireOrganizationInScope } from '../statistics';

export const PartyOrganization = {
  ...entityResolvers((ctx: Context) => ctx.loaders.organization),
  parent: (org, _, { loaders }) => (org.parentId ? loaders.organization.load(org.parentId) : null),
  ancestors: async (org, _, { loaders }) =>
    (await loaders.organization.loadMany(org.ancestorIds ?? [])).filter((o): o is PartyOrganizationDoc => Boolean(o) && !(o instanceof Error)),
  children: (org, page, { loaders }) => loaders.childrenOf(org._id, page),
  descendants: (org, { level, ...page }, { loaders }) => loaders.descendantPagesOf(level ?? null)(org._id, page),
  members: (org, page, { loaders }) => loaders.membersOf(org._id, page),
  memberCount: (org, _, { loaders }) => loaders.memberCountOf.load(org._id),
  totalMemberCount: async (org, _, { loaders }) => {
    const below = await loaders.descendantsOf(null).load(org._id);
    const counts = await loaders.memberCountOf.loadMany([org._id, ...below.map((o) => o._id)]);
    return counts.reduce<number>((sum, n) => sum + (typeof n === 'number' ? n : 0), 0);
  },
  coveredGrids: (org) => org.coveredGridIds.map((id) => ({ id })),
  awardNominations: (org, { quarter }, { loaders }) => loaders.nominationsOf(requireQuarter(quarter)).load(org._id),
  jointBuildingUnits: (org, page, { loaders }) => loaders.jointBuildingUnitsOf(org._id, page),
  statistics: async (org, { from, to }, ctx) => {
    const id = statisticsId('PARTY_BRANCH', org._id, from, to);
    await requireOrganizationInScope(ctx, org._id);
    return partyStatistics(ctx, id);
  },
} satisfies PartyOrganizationResolvers;
