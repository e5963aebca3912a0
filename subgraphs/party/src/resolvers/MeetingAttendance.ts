import { loadReferenced } from '@cg/kit';
import type { MeetingAttendanceResolvers } from '../generated/resolvers-types';
import type { MeetingDoc } from '../models/Meeting';

export type MeetingAttendanceParent = MeetingDoc['attendance'][number];

/** One unit's attendance (出席情况). */
export const MeetingAttendance = {
  unit: (a, _, { loaders }) => loadReferenced(loaders.responseUnit, a.unitId, 'ResponseUnit'),
} satisfies MeetingAttendanceResolvers;
