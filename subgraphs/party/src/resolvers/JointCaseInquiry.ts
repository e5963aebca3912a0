import type { JointCaseInquiryResolvers } from '../generated/resolvers-types';
import { iso } from '../jointCase/dates';
import type { JointCaseDoc } from '../models/JointCase';

export type JointCaseInquiryParent = JointCaseDoc['inquiries'][number];

/** 问单. */
export const JointCaseInquiry = { at: (q) => iso(q.at) } satisfies JointCaseInquiryResolvers;
