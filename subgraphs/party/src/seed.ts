import type { ExtendWorld } from '@cg/kit';
import { extendJointCases } from './seed/jointCases';

/** Party's seed extension: the joint-response roster and cases (the lead merges other party seeds here). */
export const extendWorld: ExtendWorld = (world, scale) => ({ ...extendJointCases(world, scale) });
