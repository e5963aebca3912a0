import { entityResolvers, statisticsId, type PageArgs } from '@cg/kit';
import type { Context } from '../context';
import type { PartyOrganizationDoc } from '../models/PartyOrganization';
import { requireQuarter } from '../inputs';
import { partyStatistics, requireOrganizationInScope } from '../statistics';

type Org = PartyOrganizationDoc;

export const PartyOrganization = {
  ...entityResolvers((ctx: Context) => ctx.loaders.organization),
  parent: (org: Org, _: unknown, { loaders }: Context) => (org.parentId ? loaders.organization.load(org.parentId) : null),
  ancestors: async (org: Org, _: unknown, { loaders }: Context) =>
    (await loaders.organization.loadMany(org.ancestorIds ?? [])).filter((o): o is Org => Boolean(o) && !(o instanceof Error)),
  children: (org: Org, page: PageArgs, { loaders }: Context) => loaders.childrenOf(org._id, page),
  descendants: (org: Org, { level, ...page }: PageArgs & { level?: string | null }, { loaders }: Context) => loaders.descendantPagesOf(level ?? null)(org._id, page),
  members: (org: Org, page: PageArgs, { loaders }: Context) => loaders.membersOf(org._id, page),
  memberCount: (org: Org, _: unknown, { loaders }: Context) => loaders.memberCountOf.load(org._id),
  totalMemberCount: async (org: Org, _: unknown, { loaders }: Context) => {
    const below = await loaders.descendantsOf(null).load(org._id);
    const counts = await loaders.memberCountOf.loadMany([org._id, ...below.map((o) => o._id)]);
    return counts.reduce<number>((sum, n) => sum + (typeof n === 'number' ? n : 0), 0);
  },
  coveredGrids: (org: Org) => org.coveredGridIds.map((id) => ({ id })),
  awardNominations: (org: Org, { quarter }: { quarter: string }, { loaders }: Context) => loaders.nominationsOf(requireQuarter(quarter)).load(org._id),
  jointBuildingUnits: (org: Org, page: PageArgs, { loaders }: Context) => loaders.jointBuildingUnitsOf(org._id, page),
  statistics: async (org: Org, { from, to }: { from: string; to: string }, ctx: Context) => {
    const id = statisticsId('PARTY_BRANCH', org._id, from, to);
    await requireOrganizationInScope(ctx, org._id);
    return partyStatistics(ctx, id);
  },
};
