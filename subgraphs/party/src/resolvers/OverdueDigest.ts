import type { OverdueDigestResolvers } from '../generated/resolvers-types';
import type { OverdueDigestParent as Digest } from '../supervision/digest';

export type OverdueDigestParent = Digest;

/** A unit's daily overdue digest; its fields are computed in supervision/digest.ts. */
export const OverdueDigest = {
  unit: (d) => d.unit,
} satisfies OverdueDigestResolvers;
