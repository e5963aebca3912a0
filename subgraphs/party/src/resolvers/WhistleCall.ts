import type { Context } from '../context';
import type { WhistleCall as Call } from '../models/JointCase';
import { isoFields } from '../jointCase/dates';

/** A unit called to report (报到): late once the deadline passed without a report, or reported after it. */
export const WhistleCall = {
  ...isoFields('reportBy', 'reportedAt'),
  unit: (c: Call, _: unknown, { loaders }: Context) => loaders.responseUnit.load(c.unitId),
  late: (c: Call) => (c.reportedAt ? new Date(c.reportedAt) > new Date(c.reportBy) : Date.now() > new Date(c.reportBy).getTime()),
};
