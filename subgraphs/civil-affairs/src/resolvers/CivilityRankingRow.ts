import { loadReferenced } from '@cg/kit';
import type { CivilityRankingRowResolvers } from '../generated/resolvers-types';
import type { RankingRow } from '../statistics/figures';

export type CivilityRankingRowParent = RankingRow;

export const CivilityRankingRow = {
  resident: (row, _, { loaders }) => loadReferenced(loaders.resident, row.residentId, 'Resident'),
} satisfies CivilityRankingRowResolvers;
