import { isoFields } from '../jointCaseDates';

/** 问单. */
export const JointCaseInquiry = { ...isoFields('at') };
