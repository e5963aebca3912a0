import { byIdLoader, manyByFieldLoader } from '@cg/kit';
import type { Models } from './models';
import type { CommunityDoc } from './models/Community';
import type { GridDoc } from './models/Grid';
import type { HouseholdDoc } from './models/Household';
import type { ResidentDoc } from './models/Resident';

/** Per request: every entity and list relation batched into one `$in` query per type. */
export const createLoaders = ({ models }: { models: Models }) => ({
  community: byIdLoader<CommunityDoc>(models.Community),
  grid: byIdLoader<GridDoc>(models.Grid),
  gridsByCommunity: manyByFieldLoader<GridDoc>(models.Grid, 'communityId'),
  household: byIdLoader<HouseholdDoc>(models.Household),
  resident: byIdLoader<ResidentDoc>(models.Resident),
  residentsByHousehold: manyByFieldLoader<ResidentDoc>(models.Resident, 'householdId'),
  residentsByGrid: manyByFieldLoader<ResidentDoc>(models.Resident, 'gridId'),
});
export type Loaders = ReturnType<typeof createLoaders>;
