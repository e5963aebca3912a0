import { entityResolvers, reference } from '@cg/kit';
import type { Context } from '../context';
import type { HouseholdDoc } from '../models/Household';

const HEAD = '户主';

export const Household = {
  ...entityResolvers((ctx: Context) => ctx.loaders.household),
  grid: (household: HouseholdDoc, _: unknown, { loaders }: Context) => loaders.grid.load(household.gridId),
  subGrids: async (household: HouseholdDoc, _: unknown, { loaders }: Context) =>
    (await loaders.grid.loadMany(household.subGridIds ?? [])).filter((g) => g && !(g instanceof Error)),
  dwelling: (household: HouseholdDoc) => reference(household.unitId),
  members: async (household: HouseholdDoc, _: unknown, { loaders }: Context) => {
    const members = await loaders.residentsByHousehold.load(household._id);
    return [...members].sort((a, b) => Number(b.relationToHead === HEAD) - Number(a.relationToHead === HEAD));
  },
  floatingMemberCount: async (household: HouseholdDoc, _: unknown, { loaders }: Context) =>
    (await loaders.residentsByHousehold.load(household._id)).filter((r) => r.residency === 'FLOATING').length,
};
