import type { Context } from '../context';
import type { CaseTask } from '../models/JointCase';
import { isoFields } from '../jointCase/dates';

/** One unit's task (单位任务). */
export const JointCaseTask = {
  ...isoFields('assignedAt', 'acceptedAt', 'resolvedAt'),
  unit: (t: CaseTask, _: unknown, { loaders }: Context) => loaders.responseUnit.load(t.unitId),
  onTime: (t: CaseTask) => t.onTime === 1,
};
