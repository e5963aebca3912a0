import { loadReferenced } from '@cg/kit';
import type { WhistleCallResolvers } from '../generated/resolvers-types';
import { iso } from '../jointCase/dates';
import type { WhistleCall as Call } from '../models/JointCase';

export type WhistleCallParent = Call;

/** A unit called to report (报到): late once the deadline passed without a report, or reported after it. */
export const WhistleCall = {
  reportBy: (c) => iso(c.reportBy),
  reportedAt: (c) => iso(c.reportedAt),
  unit: (c, _, { loaders }) => loadReferenced(loaders.responseUnit, c.unitId, 'ResponseUnit'),
  late: (c) => (c.reportedAt ? new Date(c.reportedAt) > new Date(c.reportBy) : Date.now() > new Date(c.reportBy).getTime()),
} satisfies WhistleCallResolvers;
