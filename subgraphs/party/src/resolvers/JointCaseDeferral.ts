import { isoFields } from '../jointCaseDates';

/** 挂账. */
export const JointCaseDeferral = { ...isoFields('requestedAt', 'decidedAt') };
