import { entityResolvers, reference } from '@cg/kit';
import type { Context } from '../context';
import { ON_THE_CLOCK } from '../jointCase/lifecycle';
import { isActive, leadTask } from '../jointCase/tasks';
import type { JointCaseDoc } from '../models/JointCase';
import { iso } from '../jointCase/dates';

/** Joint-response case (一呼联动案件): own fields from the one document; other departments' entities as references. */
export const JointCase = {
  ...entityResolvers((ctx: Context) => ctx.loaders.jointCase),
  reporter: (c: JointCaseDoc) => reference(c.reporterId),
  dwelling: (c: JointCaseDoc) => reference(c.unitId),
  building: (c: JointCaseDoc) => reference(c.buildingId),
  grid: (c: JointCaseDoc) => reference(c.gridId),
  community: (c: JointCaseDoc) => reference(c.communityId),
  gridBranch: (c: JointCaseDoc, _: unknown, { loaders }: Context) => loaders.branchByGrid.load(c.gridId),
  submittedAt: (c: JointCaseDoc) => iso(c.submittedAt),
  dueAt: (c: JointCaseDoc) => iso(c.dueAt),
  resolvedAt: (c: JointCaseDoc) => iso(c.resolvedAt),
  closedAt: (c: JointCaseDoc) => iso(c.closedAt),
  overdue: (c: JointCaseDoc) => ON_THE_CLOCK.includes(c.status) && Date.now() > new Date(c.dueAt).getTime(),
  firstReceiver: (c: JointCaseDoc, _: unknown, { loaders }: Context) => (c.firstReceiverUnitId ? loaders.responseUnit.load(c.firstReceiverUnitId) : null),
  leadUnit: (c: JointCaseDoc, _: unknown, { loaders }: Context) => {
    const lead = leadTask(c);
    return lead ? loaders.responseUnit.load(lead.unitId) : null;
  },
  helperUnits: (c: JointCaseDoc, _: unknown, { loaders }: Context) =>
    Promise.all(c.tasks.filter((t) => t.role === 'HELPER' && isActive(t)).map((t) => loaders.responseUnit.load(t.unitId))),
  whistles: (c: JointCaseDoc) => c.whistles.map((w) => ({ ...w, calls: c.whistleCalls.filter((call) => call.whistleId === w.id) })),
  deferral: (c: JointCaseDoc) => (c.deferral?.reason ? c.deferral : null),
  rating: (c: JointCaseDoc) => (c.rating?.score ? c.rating : null),
  duplicateOf: (c: JointCaseDoc, _: unknown, { loaders }: Context) => (c.duplicateOfId ? loaders.jointCase.load(c.duplicateOfId) : null),
};
