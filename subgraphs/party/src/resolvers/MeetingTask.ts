import { entityResolvers, loadReferenced } from '@cg/kit';
import type { Context } from '../context';
import type { MeetingTaskResolvers } from '../generated/resolvers-types';
import { iso } from '../jointCase/dates';
import type { UrgeDoc } from '../models/Urge';

export const newestFirst = (urges: readonly UrgeDoc[]) => [...urges].sort((a, b) => new Date(b.urgedAt).getTime() - new Date(a.urgedAt).getTime()).slice(0, 100);

/** A task a meeting assigned (会议交办任务). */
export const MeetingTask = {
  ...entityResolvers((ctx: Context) => ctx.loaders.meetingTask),
  meeting: (t, _, { loaders }) => loadReferenced(loaders.meeting, t.meetingId, 'Meeting'),
  unit: (t, _, { loaders }) => loadReferenced(loaders.responseUnit, t.unitId, 'ResponseUnit'),
  assignedAt: (t) => iso(t.assignedAt),
  dueAt: (t) => iso(t.dueAt),
  acceptedAt: (t) => iso(t.acceptedAt),
  doneAt: (t) => iso(t.doneAt),
  onTime: (t) => t.onTime === 1,
  overdue: (t) => t.status !== 'DONE' && Date.now() > new Date(t.dueAt).getTime(),
  urges: async (t, _, { loaders }) => newestFirst(await loaders.urgesOf.load(t._id)),
} satisfies MeetingTaskResolvers;
