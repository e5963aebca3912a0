import type { OverdueCaseTaskResolvers } from '../generated/resolvers-types';
import type { OverdueDigestParent } from '../supervision/digest';
import { newestFirst } from './MeetingTask';

export type OverdueCaseTaskParent = OverdueDigestParent['caseTasks'][number];

/** A unit's overdue task on a case, with the urges naming the unit. */
export const OverdueCaseTask = {
  urges: async (o, _, { loaders }) => newestFirst((await loaders.urgesOf.load(o.case._id)).filter((u) => u.unitId === o.task.unitId)),
} satisfies OverdueCaseTaskResolvers;
