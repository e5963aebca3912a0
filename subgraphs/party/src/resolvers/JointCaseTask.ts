import { loadReferenced } from '@cg/kit';
import type { JointCaseTaskResolvers } from '../generated/resolvers-types';
import { iso } from '../jointCase/dates';
import type { CaseTask } from '../models/JointCase';

export type JointCaseTaskParent = CaseTask;

/** One unit's task (单位任务). */
export const JointCaseTask = {
  assignedAt: (t) => iso(t.assignedAt),
  acceptedAt: (t) => iso(t.acceptedAt),
  resolvedAt: (t) => iso(t.resolvedAt),
  unit: (t, _, { loaders }) => loadReferenced(loaders.responseUnit, t.unitId, 'ResponseUnit'),
  onTime: (t) => t.onTime === 1,
} satisfies JointCaseTaskResolvers;
