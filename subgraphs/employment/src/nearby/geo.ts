/**
 * Distances on the WGS-84 sphere for "employed nearby" (就近就业): a bounding box the database can range over on two
 * indexed fields (what MongoDB and the embedded FerretDB v1 both answer), then the exact great-circle distance here.
 * Hand-written rather than a geo library: two formulas, and the box must match the query the database runs.
 */
import { badInput } from '@cg/kit';

const EARTH_RADIUS_METRES = 6_371_008.8;
const METRES_PER_DEGREE = (Math.PI * EARTH_RADIUS_METRES) / 180;
/** The widest search: a short commute (about an hour's walk), which keeps the box and its candidates small. */
const MAX_NEARBY_METRES = 5_000;

export interface Point {
  latitude: number;
  longitude: number;
}

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Haversine great-circle distance in metres. */
export function distanceMetres(a: Point, b: Point): number {
  const dLat = radians(b.latitude - a.latitude);
  const dLng = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The latitude/longitude box that holds every point within `metres` of `centre` (wider east–west away from the equator). */
export function boundingBox(centre: Point, metres: number) {
  const dLat = metres / METRES_PER_DEGREE;
  const dLng = metres / (METRES_PER_DEGREE * Math.max(Math.cos(radians(Math.min(89, Math.abs(centre.latitude)))), 1e-6));
  return { minLat: centre.latitude - dLat, maxLat: centre.latitude + dLat, minLng: centre.longitude - dLng, maxLng: centre.longitude + dLng };
}

export function requireRadius(value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_NEARBY_METRES)
    throw badInput(`withinMetres must be a whole number from 1 to ${MAX_NEARBY_METRES}`, { field: 'withinMetres' });
  return value;
}

/** Optional coordinates of an input: both or neither, each in range. */
export function optionalPoint(latitude: number | null | undefined, longitude: number | null | undefined): Point | undefined {
  if (latitude == null && longitude == null) return undefined;
  if (latitude == null || longitude == null) throw badInput('give latitude and longitude together', { field: latitude == null ? 'latitude' : 'longitude' });
  if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90) throw badInput('latitude must be between -90 and 90', { field: 'latitude' });
  if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180) throw badInput('longitude must be between -180 and 180', { field: 'longitude' });
  return { latitude, longitude };
}
