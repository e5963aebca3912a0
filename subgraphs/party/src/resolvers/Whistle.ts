import type { WhistleResolvers } from '../generated/resolvers-types';
import { iso } from '../jointCase/dates';
import type { JointCaseDoc, WhistleCall } from '../models/JointCase';

/** A whistle with its calls, which JointCase.whistles attaches from the case's own list. */
export type WhistleParent = JointCaseDoc['whistles'][number] & { calls: WhistleCall[] };

/** A whistle (吹哨). */
export const Whistle = {
  blownAt: (w) => iso(w.blownAt),
  reportBy: (w) => iso(w.reportBy),
} satisfies WhistleResolvers;
