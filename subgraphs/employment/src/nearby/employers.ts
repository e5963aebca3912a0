import { badInput, pageSize, trusted, type PageArgs } from '@cg/kit';
import type { Context } from '../context';
import type { EmployerDoc } from '../models/Employer';
import { boundingBox, distanceMetres, requireRadius, type Point } from './geo';

interface NearbyEmployer {
  cursor: string;
  node: EmployerDoc;
  distanceMetres: number;
}

/** A cursor is the distance and id of the last row: the order is computed here, so the keyset is too. */
const encode = (distance: number, id: string) => Buffer.from(JSON.stringify([distance, id])).toString('base64url');
function decode(cursor: string): [number, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'string') return [value[0], value[1]];
  } catch {
    // falls through to the typed error
  }
  throw badInput('after is not a cursor this list gave out', { field: 'after' });
}

/**
 * Employers within `withinMetres` of `centre`, nearest first. The database answers the bounding box (a range on the
 * indexed latitude and longitude); the circle, the order and the page are cut here from the box's few candidates.
 */
export async function employersNear(ctx: Context, centre: Point, withinMetres: number, { first, after }: PageArgs) {
  const radius = requireRadius(withinMetres);
  const size = pageSize(first);
  const start = after ? decode(after) : null;
  const box = boundingBox(centre, radius);
  const candidates = (await ctx.models.Employer.find({
    latitude: trusted({ $gte: box.minLat, $lte: box.maxLat }),
    longitude: trusted({ $gte: box.minLng, $lte: box.maxLng }),
  }).lean()) as unknown as EmployerDoc[];
  const within = candidates
    .map((node) => ({ node, distance: distanceMetres(centre, node as Point) }))
    .filter((row) => row.distance <= radius)
    .sort((a, b) => a.distance - b.distance || a.node._id.localeCompare(b.node._id));
  const rest = start ? within.filter((row) => row.distance > start[0] || (row.distance === start[0] && row.node._id > start[1])) : within;
  const edges: NearbyEmployer[] = rest.slice(0, size).map((row) => ({ cursor: encode(row.distance, row.node._id), node: row.node, distanceMetres: Math.round(row.distance) }));
  return { totalCount: within.length, edges, pageInfo: { hasNextPage: rest.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
}
