import { isoFields } from '../jointCase/dates';

/** 问单. */
export const JointCaseInquiry = { ...isoFields('at') };
