import { daysBetween, loadReferenced, todayInChina } from '@cg/kit';
import { groupsOf, requiredIntervalDays } from '../care';
import { openEventsOf } from '../careProfiles';
import type { CareProfileResolvers } from '../generated/resolvers-types';
import type { CareProfileDoc } from '../models/CareProfile';

/** SENSITIVE. `asOf` is set by overdueVisits on the documents it returns, so daysOverdue answers for that date. */
export type CareProfileParent = CareProfileDoc & { asOf?: string };

export const CareProfile = {
  id: (profile) => profile._id,
  resident: (profile, _, { loaders }) => loadReferenced(loaders.resident, profile.residentId, 'Resident'),
  grid: (profile, _, { loaders }) => loadReferenced(loaders.grid, profile.gridId, 'Grid'),
  mustVisitGroups: (profile) => groupsOf(profile.flags),
  requiredIntervalDays: (profile) => requiredIntervalDays(profile.flags),
  openEvents: (profile) => openEventsOf(profile),
  nextVisitDue: (profile) => profile.nextVisitDue ?? null,
  daysOverdue: (profile) => {
    if (!profile.nextVisitDue) return 0;
    return Math.max(0, daysBetween(profile.nextVisitDue, profile.asOf ?? todayInChina()));
  },
} satisfies CareProfileResolvers;
