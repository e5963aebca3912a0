import { entityResolvers, reference } from '@cg/kit';
import type { Context } from '../context';
import type { MeetingResolvers } from '../generated/resolvers-types';
import { iso } from '../jointCase/dates';

/** A meeting (联席会议 or 现场办公会). */
export const Meeting = {
  ...entityResolvers((ctx: Context) => ctx.loaders.meeting),
  body: (m, _, { loaders }) => (m.bodyId ? loaders.jointMeetingBody.load(m.bodyId) : null),
  escalation: (m, _, { loaders }) => (m.escalationId ? loaders.escalation.load(m.escalationId) : null),
  heldAt: (m) => iso(m.heldAt),
  tasks: async (m, _, { loaders }) => [...(await loaders.tasksOfMeeting.load(m._id))].sort((a, b) => new Date(a.dueAt).getTime() - new Date(b.dueAt).getTime()).slice(0, 100),
  communities: (m) => m.communityIds.map((id) => reference(id)),
} satisfies MeetingResolvers;
