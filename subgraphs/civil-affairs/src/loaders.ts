import DataLoader from 'dataloader';
import { byIdLoader, manyByFieldLoader, oneByFieldLoader, pagedByFieldLoader } from '@cg/kit';
import type { Models } from './models';
import type { AssistanceRecordDoc } from './models/AssistanceRecord';
import type { CareProfileDoc } from './models/CareProfile';
import type { PointsAccountDoc } from './models/CivilityPoints';
import type { CommunityDoc } from './models/Community';
import type { GridDoc } from './models/Grid';
import type { HouseholdDoc } from './models/Household';
import type { ProxyServiceDoc } from './models/ProxyService';
import type { ResidentDoc } from './models/Resident';
import type { VolunteerActivityDoc, VolunteerAttendanceDoc, VolunteerMemberDoc, VolunteerTeamDoc } from './models/Volunteer';
import { volunteerMeasures } from './volunteers/totals';

/** The caller's scope as an extra loader filter, kept apart from the loader's own key under `$and`. */
type ScopeOf = (type: string) => Record<string, unknown>;
const scoped = (scopeFilter: ScopeOf | undefined, type: string) => {
  const filter = scopeFilter?.(type) ?? {};
  return Object.keys(filter).length ? { $and: [filter] } : {};
};

/**
 * Per request: every entity and list relation batched into one `$in` query per type. List relations of scoped
 * types load only rows in the caller's scope; single rows load as they are and the kit refuses them when out of scope.
 */
export const createLoaders = ({ models, scopeFilter }: { models: Models; scopeFilter?: ScopeOf }) => ({
  community: byIdLoader<CommunityDoc>(models.Community),
  grid: byIdLoader<GridDoc>(models.Grid),
  gridsByParent: manyByFieldLoader<GridDoc>(models.Grid, 'parentId'),
  gridsByCommunity: manyByFieldLoader<GridDoc>(models.Grid, 'communityId'),
  household: byIdLoader<HouseholdDoc>(models.Household),
  householdsByUnit: manyByFieldLoader<HouseholdDoc>(models.Household, 'unitId', scoped(scopeFilter, 'Household')),
  resident: byIdLoader<ResidentDoc>(models.Resident),
  residentsByHousehold: manyByFieldLoader<ResidentDoc>(models.Resident, 'householdId', scoped(scopeFilter, 'Resident')),
  careProfileByResident: oneByFieldLoader<CareProfileDoc>(models.CareProfile, 'residentId'),
  assistancePages: pagedByFieldLoader<AssistanceRecordDoc>(models.AssistanceRecord, 'residentId', { startDate: -1 }, scoped(scopeFilter, 'AssistanceRecord')),
  proxyServicePages: pagedByFieldLoader<ProxyServiceDoc>(models.ProxyService, 'residentId', { requestedOn: -1 }, scoped(scopeFilter, 'ProxyService')),
  pointsAccountByResident: oneByFieldLoader<PointsAccountDoc>(models.CivilityPointsAccount, 'residentId'),
  // volunteers (志愿服务)
  volunteerTeam: byIdLoader<VolunteerTeamDoc>(models.VolunteerTeam),
  volunteerMember: byIdLoader<VolunteerMemberDoc>(models.VolunteerMember),
  volunteerActivity: byIdLoader<VolunteerActivityDoc>(models.VolunteerActivity),
  volunteerAttendance: byIdLoader<VolunteerAttendanceDoc>(models.VolunteerAttendance),
  attendancesByActivity: manyByFieldLoader<VolunteerAttendanceDoc>(models.VolunteerAttendance, 'activityId'),
  // Keyed `communityId|year`: equality reads per community, all of one `_entities` batch at once.
  volunteerMeasuresOf: new DataLoader((keys: readonly string[]) =>
    Promise.all(
      keys.map((key) => {
        const [communityId, year] = key.split('|') as [string, string];
        return volunteerMeasures(models, communityId, Number(year));
      }),
    ),
  ),
});
export type Loaders = ReturnType<typeof createLoaders>;
