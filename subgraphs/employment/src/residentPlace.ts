import { notFound } from '@cg/kit';
import type { Context } from './context';

/** Where a resident lives, as civil affairs says: stamped on employment records so statistics count a scope by equality. */
export interface ResidentPlace {
  gridId: string;
  communityId: string;
}

/** The resident's top-level grid (网格) and community, asked of civil affairs; NOT_FOUND on `field` for an unknown resident. */
export async function residentPlace(ctx: Context, residentId: string, field: string): Promise<ResidentPlace> {
  const [resident] = (await ctx.peers.entities('civil-affairs', 'Resident', [residentId], 'grid { id community { id } }')) as Array<{
    grid?: { id: string; community?: { id: string } | null } | null;
  } | null>;
  if (!resident?.grid?.community) {
    const error = notFound('Resident', residentId);
    Object.assign(error.extensions, { field });
    throw error;
  }
  return { gridId: resident.grid.id, communityId: resident.grid.community.id };
}
