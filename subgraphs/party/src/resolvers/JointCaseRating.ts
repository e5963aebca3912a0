import { isoFields } from '../jointCaseDates';

/** 评单. */
export const JointCaseRating = { ...isoFields('at') };
