import { isoFields } from '../jointCase/dates';

/** 评单. */
export const JointCaseRating = { ...isoFields('at') };
