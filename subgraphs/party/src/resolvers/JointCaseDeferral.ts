import { isoFields } from '../jointCase/dates';

/** 挂账. */
export const JointCaseDeferral = { ...isoFields('requestedAt', 'decidedAt') };
