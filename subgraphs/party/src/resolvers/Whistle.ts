import { isoFields } from '../jointCaseDates';

/** A whistle (吹哨); its calls are attached by JointCase.whistles. */
export const Whistle = { ...isoFields('blownAt', 'reportBy') };
