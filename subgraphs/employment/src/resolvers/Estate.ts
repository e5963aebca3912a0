import { assertId } from '@cg/kit';
import type { EstateResolvers } from '../generated/resolvers-types';
import { employersNear } from '../nearby/employers';
import { requireRadius } from '../nearby/geo';

/** An estate as property hands it over (@requires): its id and, when surveyed, its centre. */
export type EstateParent = { id: string; latitude: number | null; longitude: number | null };

export const Estate = {
  __resolveReference: (reference: { id: unknown; latitude?: number | null; longitude?: number | null }) => ({
    id: assertId(reference.id),
    latitude: reference.latitude ?? null,
    longitude: reference.longitude ?? null,
  }),
  employersNearby: (estate, { withinMetres, first, after }, ctx) => {
    if (estate.latitude == null || estate.longitude == null) {
      requireRadius(withinMetres);
      return { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
    }
    return employersNear(ctx, { latitude: estate.latitude, longitude: estate.longitude }, withinMetres, { first, after });
  },
} satisfies EstateResolvers;
