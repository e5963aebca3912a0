import type { JointCaseRatingResolvers } from '../generated/resolvers-types';
import { iso } from '../jointCase/dates';
import type { JointCaseDoc } from '../models/JointCase';

export type JointCaseRatingParent = NonNullable<JointCaseDoc['rating']>;

/** 评单. */
export const JointCaseRating = { at: (r) => iso(r.at) } satisfies JointCaseRatingResolvers;
