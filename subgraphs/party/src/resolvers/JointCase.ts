import { entityResolvers, reference } from '@cg/kit';
import type { Context } from '../context';
import type { JointCaseResolvers } from '../generated/resolvers-types';
import { iso } from '../jointCase/dates';
import { ON_THE_CLOCK } from '../jointCase/lifecycle';
import { isActive, leadTask } from '../jointCase/tasks';
import { newestFirst } from './MeetingTask';

/** Joint-response case (一呼联动案件): own fields from the one document; other departments' entities as references. */
export const JointCase = {
  ...entityResolvers((ctx: Context) => ctx.loaders.jointCase),
  reporter: (c) => reference(c.reporterId),
  dwelling: (c) => reference(c.unitId),
  building: (c) => reference(c.buildingId),
  grid: (c) => reference(c.gridId),
  community: (c) => reference(c.communityId),
  gridBranch: (c, _, { loaders }) => loaders.branchByGrid.load(c.gridId),
  submittedAt: (c) => iso(c.submittedAt),
  dueAt: (c) => iso(c.dueAt),
  resolvedAt: (c) => iso(c.resolvedAt),
  closedAt: (c) => iso(c.closedAt),
  overdue: (c) => ON_THE_CLOCK.includes(c.status) && Date.now() > new Date(c.dueAt).getTime(),
  firstReceiver: (c, _, { loaders }) => (c.firstReceiverUnitId ? loaders.responseUnit.load(c.firstReceiverUnitId) : null),
  leadUnit: (c, _, { loaders }) => {
    const lead = leadTask(c);
    return lead ? loaders.responseUnit.load(lead.unitId) : null;
  },
  helperUnits: async (c, _, { loaders }) => {
    const units = await loaders.responseUnit.loadMany(c.tasks.filter((t) => t.role === 'HELPER' && isActive(t)).map((t) => t.unitId));
    return units.map((u) => {
      if (u == null || u instanceof Error) throw u ?? new Error('a helper unit of the case is missing');
      return u;
    });
  },
  whistles: (c) => c.whistles.map((w) => ({ ...w, calls: c.whistleCalls.filter((call) => call.whistleId === w.id) })),
  deferral: (c) => (c.deferral?.reason ? c.deferral : null),
  rating: (c) => (c.rating?.score ? c.rating : null),
  duplicateOf: (c, _, { loaders }) => (c.duplicateOfId ? loaders.jointCase.load(c.duplicateOfId) : null),
  patrolFinding: (c) => (c.patrolIssueId && c.patrolId ? { id: c.patrolIssueId, patrolId: c.patrolId } : null),
  memberCredits: (c, _, { loaders }) => loaders.creditsOfCase.load(c._id),
  escalation: (c, _, { loaders }) => loaders.escalationOfCase.load(c._id),
  urges: async (c, _, { loaders }) => newestFirst(await loaders.urgesOf.load(c._id)),
} satisfies JointCaseResolvers;
