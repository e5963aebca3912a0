import type { JointCaseDeferralResolvers } from '../generated/resolvers-types';
import { iso } from '../jointCase/dates';
import type { JointCaseDoc } from '../models/JointCase';

export type JointCaseDeferralParent = NonNullable<JointCaseDoc['deferral']>;

/** 挂账. */
export const JointCaseDeferral = {
  // JointCase.deferral answers only a requested deferral, which always has its time.
  requestedAt: (d) => iso(d.requestedAt!),
  decidedAt: (d) => iso(d.decidedAt),
} satisfies JointCaseDeferralResolvers;
