import type { OpenEvent } from '../care';
import type { MustGoEventRecordResolvers } from '../generated/resolvers-types';

/** An open must-go event as the care profile keeps it. */
export type MustGoEventRecordParent = OpenEvent;

export const MustGoEventRecord = {
  id: (event) => event._id,
} satisfies MustGoEventRecordResolvers;
