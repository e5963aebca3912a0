/**
 * The demo world, modelled on 张北县义合美新城 (000 in the seeds): one relocation community, its grids, estates,
 * buildings and dwellings, households and residents, the party tree and members, employers and postings.
 * Deterministic: a fixed faker seed and ids derived from natural keys, so seeding twice writes the same documents.
 */
import { fakerZH_CN as faker } from '@faker-js/faker';
import type { Scale, World } from '@cg/kit';
import { civilRegistry, communityId } from '../../subgraphs/civil-affairs/src/seed/registry';
import { employmentCore } from '../../subgraphs/employment/src/seed/employers';
import { partyTree } from '../../subgraphs/party/src/seed/tree';
import { propertyPlaces } from '../../subgraphs/property/src/seed/places';

/**
 * small: about 900 residents, what the tests seed; demo: 义合美新城's own figures (8,711 households, 22,295 residents,
 * 4 community party committees, 16 grid branches, 26 building groups, 3,568 employed nearby); county: about 10,000
 * residents; bench: about 100,000 (the by-id comparison of bench/).
 */
export const SCALES: Record<string, Scale> = {
  small: { name: 'small', grids: 6, buildingsPerGrid: 2, householdsPerBuilding: 25 },
  demo: {
    name: 'demo',
    grids: 16,
    buildingsPerGrid: 8,
    householdsPerBuilding: 68,
    figures: { households: 8711, residents: 22_295, committees: 4, buildingGroups: 26, employedNearby: 3568 },
  },
  county: { name: 'county', grids: 30, buildingsPerGrid: 4, householdsPerBuilding: 28 },
  bench: { name: 'bench', grids: 100, buildingsPerGrid: 10, householdsPerBuilding: 34 },
};

/** The world's "today": every department's seed dates its records up to it. */
const TODAY = '2026-11-01';

/**
 * The core registry: places, people, the party tree and members, employers; departments extend it (see ExtendWorld).
 * Each department seeds its own documents (subgraphs/<name>/src/seed/); this only walks the world's shape (grids,
 * their buildings, the households in each, their members) and hands each department the ids the others produced.
 * One random stream, drawn in this order, makes the world the same on every run.
 */
export function buildCoreWorld(scaleName = 'demo'): { world: World; scale: Scale } {
  const scale = SCALES[scaleName];
  if (!scale) throw new Error(`unknown scale "${scaleName}"; choose one of ${Object.keys(SCALES).join(', ')}`);
  faker.seed(20261123);
  const places = propertyPlaces(communityId);
  const tree = partyTree(faker, scale, TODAY);
  const registry = civilRegistry(faker, scale, TODAY);
  const jobs = employmentCore(faker);

  const figures = scale.figures;
  const buildingCount = scale.grids * scale.buildingsPerGrid;
  /** Households in the building at `index` (0-based): the exact total spread evenly, else the scale's size. */
  const householdsIn = (index: number) =>
    figures ? Math.floor(figures.households / buildingCount) + (index < figures.households % buildingCount ? 1 : 0) : scale.householdsPerBuilding;
  for (let g = 1; g <= scale.grids; g++) {
    const grid = registry.grid(g);
    const branch = tree.branch(g, grid.code as string, grid._id);
    for (let b = 1; b <= scale.buildingsPerGrid; b++) {
      const index = (g - 1) * scale.buildingsPerGrid + b - 1;
      const { building, label } = places.building(g, index + 1, grid._id);
      const group = tree.group(index, building._id, label, branch._id);
      for (let h = 0; h < householdsIn(index); h++) {
        const unit = places.unit(building._id, h);
        const household = registry.household(g, b, h, grid._id, unit._id);
        for (let m = 0; m < household.size; m++) {
          const { resident, age } = registry.resident(household, m);
          tree.member({ _id: resident._id, birthDate: resident.birthDate as string }, age, branch._id, group?._id);
          jobs.record(resident._id, age);
        }
      }
    }
  }
  registry.finish();
  return { world: { 'civil-affairs': registry.docs, property: places.docs, party: tree.docs, employment: jobs.docs }, scale };
}
