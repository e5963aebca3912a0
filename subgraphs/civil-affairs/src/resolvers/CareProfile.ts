import { groupsOf, requiredIntervalDays } from '../care';
import type { Context } from '../context';
import { daysBetween, todayInChina } from '../dates';
import type { CareProfileDoc } from '../models/CareProfile';

/** SENSITIVE. `asOf` is set by overdueVisits on the documents it returns, so daysOverdue answers for that date. */
type Profile = CareProfileDoc & { asOf?: string };

export const CareProfile = {
  id: (profile: Profile) => profile._id,
  resident: (profile: Profile, _: unknown, { loaders }: Context) => loaders.resident.load(profile.residentId),
  grid: (profile: Profile, _: unknown, { loaders }: Context) => loaders.grid.load(profile.gridId),
  mustVisitGroups: (profile: Profile) => groupsOf(profile.flags),
  requiredIntervalDays: (profile: Profile) => requiredIntervalDays(profile.flags),
  openEvents: (profile: Profile) => (profile.openEvents ?? []).map((e) => ({ ...e, id: e._id })),
  nextVisitDue: (profile: Profile) => profile.nextVisitDue ?? null,
  daysOverdue: (profile: Profile) => {
    if (!profile.nextVisitDue) return 0;
    return Math.max(0, daysBetween(profile.nextVisitDue, profile.asOf ?? todayInChina()));
  },
};
