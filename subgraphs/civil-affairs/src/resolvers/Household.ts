import { entityResolvers, reference } from '@cg/kit';
import type { Context } from '../context';
import type { HouseholdDoc } from '../models/Household';

const HEAD = '户主';

export const Household = {
  ...entityResolvers((ctx: Context) => ctx.loaders.household),
  grid: (household: HouseholdDoc, _: unknown, { loaders }: Context) => loaders.grid.load(household.gridId),
  dwelling: (household: HouseholdDoc) => reference(household.unitId),
  members: async (household: HouseholdDoc, _: unknown, { loaders }: Context) => {
    const members = await loaders.residentsByHousehold.load(household._id);
    return [...members].sort((a, b) => Number(b.relationToHead === HEAD) - Number(a.relationToHead === HEAD));
  },
};
