import { entityResolvers, loadReferenced } from '@cg/kit';
import type { Context } from '../context';
import type { VolunteerActivityResolvers } from '../generated/resolvers-types';

export const VolunteerActivity = {
  ...entityResolvers((ctx: Context) => ctx.loaders.volunteerActivity),
  team: (a, _, { loaders }) => loadReferenced(loaders.volunteerTeam, a.teamId, 'VolunteerTeam'),
  community: (a, _, { loaders }) => loadReferenced(loaders.community, a.communityId, 'Community'),
  // At most 200 rows (the limit of one activity's attendance).
  attendances: (a, _, { loaders }) => loaders.attendancesByActivity.load(a._id),
  attendeeCount: (a) => a.attendanceCount,
} satisfies VolunteerActivityResolvers;
