import { entityResolvers, loadReferenced, reference } from '@cg/kit';
import type { Context } from '../context';
import type { EscalationResolvers } from '../generated/resolvers-types';
import { iso } from '../jointCase/dates';

const byTime =
  <T extends { heldAt?: Date; dueAt?: Date }>(key: 'heldAt' | 'dueAt') =>
  (a: T, b: T) =>
    new Date(a[key]!).getTime() - new Date(b[key]!).getTime();

/** An escalation (问题上报) and the meetings and tasks it led to. */
export const Escalation = {
  ...entityResolvers((ctx: Context) => ctx.loaders.escalation),
  case: (e, _, { loaders }) => (e.caseId ? loaders.jointCase.load(e.caseId) : null),
  meeting: (e, _, { loaders }) => (e.meetingId ? loaders.meeting.load(e.meetingId) : null),
  community: (e) => reference(e.communityId),
  workingCommittee: (e, _, { loaders }) => loadReferenced(loaders.organization, e.workingCommitteeId, 'PartyOrganization'),
  escalatedAt: (e) => iso(e.escalatedAt),
  dueAt: (e) => iso(e.dueAt),
  resolvedAt: (e) => iso(e.resolvedAt),
  resolvedWithinLimit: (e) => e.onTime === 1,
  meetings: async (e, _, { loaders }) => [...(await loaders.meetingsOfEscalation.load(e._id))].sort(byTime('heldAt')).slice(0, 100),
  tasks: async (e, _, { loaders }) => [...(await loaders.tasksOfEscalation.load(e._id))].sort(byTime('dueAt')).slice(0, 100),
} satisfies EscalationResolvers;
