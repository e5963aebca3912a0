import { byIdLoader, manyByFieldLoader, oneByFieldLoader } from '@cg/kit';
import type { Models } from './models';
import type { AssistanceRecordDoc } from './models/AssistanceRecord';
import type { CareProfileDoc } from './models/CareProfile';
import type { PointsAccountDoc } from './models/CivilityPoints';
import type { CommunityDoc } from './models/Community';
import type { GridDoc } from './models/Grid';
import type { HouseholdDoc } from './models/Household';
import type { ProxyServiceDoc } from './models/ProxyService';
import type { ResidentDoc } from './models/Resident';

/** Per request: every entity and list relation batched into one `$in` query per type. */
export const createLoaders = ({ models }: { models: Models }) => ({
  community: byIdLoader<CommunityDoc>(models.Community),
  grid: byIdLoader<GridDoc>(models.Grid),
  gridsByCommunity: manyByFieldLoader<GridDoc>(models.Grid, 'communityId'),
  gridsByParent: manyByFieldLoader<GridDoc>(models.Grid, 'parentId'),
  household: byIdLoader<HouseholdDoc>(models.Household),
  householdsBySubGrid: manyByFieldLoader<HouseholdDoc>(models.Household, 'subGridIds'),
  resident: byIdLoader<ResidentDoc>(models.Resident),
  residentsByHousehold: manyByFieldLoader<ResidentDoc>(models.Resident, 'householdId'),
  residentsByGrid: manyByFieldLoader<ResidentDoc>(models.Resident, 'gridId'),
  careProfileByResident: oneByFieldLoader<CareProfileDoc>(models.CareProfile, 'residentId'),
  assistanceByResident: manyByFieldLoader<AssistanceRecordDoc>(models.AssistanceRecord, 'residentId'),
  proxyServicesByResident: manyByFieldLoader<ProxyServiceDoc>(models.ProxyService, 'residentId'),
  pointsAccountByResident: oneByFieldLoader<PointsAccountDoc>(models.CivilityPointsAccount, 'residentId'),
});
export type Loaders = ReturnType<typeof createLoaders>;
