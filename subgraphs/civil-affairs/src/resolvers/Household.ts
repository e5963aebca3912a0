import { entityResolvers, loadReferenced, reference } from '@cg/kit';
import type { Context } from '../context';
import type { HouseholdResolvers } from '../generated/resolvers-types';
import type { GridDoc } from '../models/Grid';

const HEAD = '户主';

export const Household = {
  ...entityResolvers((ctx: Context) => ctx.loaders.household),
  grid: (household, _, { loaders }) => loadReferenced(loaders.grid, household.gridId, 'Grid'),
  subGrids: async (household, _, { loaders }) => (await loaders.grid.loadMany(household.subGridIds ?? [])).filter((g): g is GridDoc => g != null && !(g instanceof Error)),
  dwelling: (household) => reference(household.unitId),
  members: async (household, _, { loaders }) => {
    const members = await loaders.residentsByHousehold.load(household._id);
    return [...members].sort((a, b) => Number(b.relationToHead === HEAD) - Number(a.relationToHead === HEAD));
  },
  floatingMemberCount: async (household, _, { loaders }) => (await loaders.residentsByHousehold.load(household._id)).filter((r) => r.residency === 'FLOATING').length,
} satisfies HouseholdResolvers;
