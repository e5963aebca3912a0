import type { Context } from '../context';
import type { CaseEvent } from '../models/JointCase';
import { isoFields } from '../jointCase/dates';

/** An event of the case history (流转记录). */
export const JointCaseEvent = {
  ...isoFields('at'),
  unit: (e: CaseEvent, _: unknown, { loaders }: Context) => (e.unitId ? loaders.responseUnit.load(e.unitId) : null),
};
