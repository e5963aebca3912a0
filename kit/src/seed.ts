/** Seed data shared by `npm run seed`, `npm start` and the tests. */
export type SeedDoc = Record<string, unknown> & { _id: string };
/** Department name → model name → documents. */
export type World = Record<string, Record<string, SeedDoc[]>>;

export interface Scale {
  name: string;
  grids: number;
  buildingsPerGrid: number;
  householdsPerBuilding: number;
  /**
   * Exact figures the scale is modelled on (demo: 义合美新城, seed 000): households spread over the buildings,
   * household sizes adding up to `residents`, community party committees over the grids, building party groups,
   * and residents employed at the local employers and workshops (就近就业). Absent: sizes follow the fields above.
   */
  figures?: { households: number; residents: number; committees: number; buildingGroups: number; employedNearby: number };
}

/**
 * A department may add `src/seed.ts` exporting `extendWorld`: given the world built so far (the core registry of
 * places and people, plus departments before it in name order), it returns documents for its own models. It must be
 * deterministic (seed its own faker, derive ids with `stableId`) so that seeding twice changes nothing.
 */
export type ExtendWorld = (world: World, scale: Scale) => Record<string, SeedDoc[]>;

/** `{ A: 6, B: 1 }` as the `{ weight, value }` list faker's weightedArrayElement draws from, in the order written. */
export const weighted = <V extends string>(weights: Record<V, number>): Array<{ weight: number; value: V }> =>
  (Object.entries(weights) as Array<[V, number]>).map(([value, weight]) => ({ weight, value }));
