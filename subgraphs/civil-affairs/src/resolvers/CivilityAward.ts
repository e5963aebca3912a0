import { loadReferenced } from '@cg/kit';
import type { CivilityAwardResolvers } from '../generated/resolvers-types';

export const CivilityAward = {
  id: (award) => award._id,
  resident: (award, _, { loaders }) => loadReferenced(loaders.resident, award.residentId, 'Resident'),
  household: (award, _, { loaders }) => loadReferenced(loaders.household, award.householdId, 'Household'),
  grid: (award, _, { loaders }) => loadReferenced(loaders.grid, award.gridId, 'Grid'),
} satisfies CivilityAwardResolvers;
