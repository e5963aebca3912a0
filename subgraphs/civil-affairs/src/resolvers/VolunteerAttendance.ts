import { entityResolvers, loadReferenced } from '@cg/kit';
import type { Context } from '../context';
import type { VolunteerAttendanceResolvers } from '../generated/resolvers-types';

export const VolunteerAttendance = {
  ...entityResolvers((ctx: Context) => ctx.loaders.volunteerAttendance),
  activity: (a, _, { loaders }) => loadReferenced(loaders.volunteerActivity, a.activityId, 'VolunteerActivity'),
  member: (a, _, { loaders }) => loadReferenced(loaders.volunteerMember, a.memberId, 'VolunteerMember'),
  resident: (a, _, { loaders }) => loadReferenced(loaders.resident, a.residentId, 'Resident'),
  creditAttempts: (a) => a.creditAttempts ?? 0,
} satisfies VolunteerAttendanceResolvers;
