import { loadReferenced } from '@cg/kit';
import type { PointsEntryDoc } from '../models/CivilityPoints';
import type { CivilityPointsEntryResolvers } from '../generated/resolvers-types';

/** The account document (文明积分账户) as stored. */
export type CivilityPointsEntryParent = PointsEntryDoc;

export const CivilityPointsEntry = {
  id: (entry) => entry._id,
  resident: (entry, _, { loaders }) => loadReferenced(loaders.resident, entry.residentId, 'Resident'),
  balanceAfter: (entry) => entry.balanceAfter ?? null,
} satisfies CivilityPointsEntryResolvers;
