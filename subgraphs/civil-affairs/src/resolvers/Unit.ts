import { extendedEntity } from '@cg/kit';
import type { UnitResolvers } from '../generated/resolvers-types';
import type { HouseholdDoc } from '../models/Household';

/** The latest registered household of the dwelling (ids are time-ordered); the loader keeps to the caller's scope. */
const current = (households: HouseholdDoc[]): HouseholdDoc | null => households.reduce<HouseholdDoc | null>((latest, h) => (!latest || h._id > latest._id ? h : latest), null);

export const Unit = {
  ...extendedEntity,
  household: async (unit, _, { loaders }) => current(await loaders.householdsByUnit.load(unit.id)),
  occupants: async (unit, _, { loaders }) => {
    const household = current(await loaders.householdsByUnit.load(unit.id));
    if (!household) return [];
    const members = await loaders.residentsByHousehold.load(household._id);
    return [...members].sort((a, b) => Number(b.relationToHead === '户主') - Number(a.relationToHead === '户主'));
  },
} satisfies UnitResolvers;
