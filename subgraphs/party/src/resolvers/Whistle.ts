import { isoFields } from '../jointCase/dates';

/** A whistle (吹哨); its calls are attached by JointCase.whistles. */
export const Whistle = { ...isoFields('blownAt', 'reportBy') };
