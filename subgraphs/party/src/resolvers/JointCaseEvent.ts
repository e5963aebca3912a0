import type { JointCaseEventResolvers } from '../generated/resolvers-types';
import { iso } from '../jointCase/dates';
import type { CaseEvent } from '../models/JointCase';

export type JointCaseEventParent = CaseEvent;

/** An event of the case history (流转记录). */
export const JointCaseEvent = {
  at: (e) => iso(e.at),
  unit: (e, _, { loaders }) => (e.unitId ? loaders.responseUnit.load(e.unitId) : null),
} satisfies JointCaseEventResolvers;
