/**
 * Employment's part of the seeded world (see kit/src/seed.ts): assistance workshops and their postings,
 * applications and placements, earlier status records, training courses and enrolments, public-welfare posts and
 * each community's welfare fund with a year of ledger entries. Counts follow the scale (households, grids);
 * deterministic: own faker seed, ids from stableId.
 */
import { fakerZH_CN as faker } from '@faker-js/faker';
import type { ExtendWorld, SeedDoc as Doc } from '@cg/kit';
import { seedApplications, seedHistory, seedWorkshops } from './seed/jobs';
import { seedTraining } from './seed/training';
import { seedWelfare } from './seed/welfare';

/**
 * Of the employed, exactly `nearby` (spread evenly) keep a local employer (就近就业); the others work away from home
 * (外出务工), with no employer of ours.
 */
function keepNearbyEmployers(records: Doc[], nearby: number): void {
  const employed = records.filter((r) => r.status === 'EMPLOYED');
  if (employed.length < nearby) throw new Error(`only ${employed.length} residents are employed; the scale asks for ${nearby} employed nearby`);
  employed.forEach((record, i) => {
    if (Math.floor((i * nearby) / employed.length) === Math.floor(((i + 1) * nearby) / employed.length)) delete record.employerId;
  });
}

/** Every record carries where its resident lives (top-level grid and community), as the write paths stamp it. */
function stampPlaces(records: Doc[], residents: Doc[], grids: Doc[]): void {
  const communityOf = new Map(grids.map((g) => [g._id, g.communityId as string]));
  const gridOf = new Map(residents.map((r) => [r._id, r.gridId as string]));
  for (const record of records) {
    const gridId = gridOf.get(record.residentId as string);
    if (gridId) Object.assign(record, { gridId, communityId: communityOf.get(gridId) });
  }
}

export const extendWorld: ExtendWorld = (world, scale) => {
  faker.seed(3003);
  const civil = world['civil-affairs'] ?? {};
  const core = world.employment ?? {};
  const residents = (civil.Resident ?? []) as Doc[];
  const records = (core.EmploymentRecord ?? []) as Doc[];
  const { employers, postings } = seedWorkshops(scale.grids);
  const { applications, placements } = seedApplications(residents, records, postings);
  // A scale modelled on real figures (demo: 3,568 employed nearby, 就近就业) counts the placements in.
  if (scale.figures) keepNearbyEmployers(records, scale.figures.employedNearby - placements.length);
  const history = seedHistory(residents, records, (core.Employer ?? []) as Doc[]);
  const { courses, enrolments } = seedTraining(residents, records, scale.grids);
  const { funds, posts, entries } = seedWelfare((civil.Community ?? []) as Doc[], (civil.Household ?? []) as Doc[], residents);
  stampPlaces([...records, ...history, ...placements], residents, (civil.Grid ?? []) as Doc[]);
  return {
    Employer: employers,
    JobPosting: postings,
    JobApplication: applications,
    EmploymentRecord: [...history, ...placements],
    TrainingCourse: courses,
    CourseEnrolment: enrolments,
    WelfareFund: funds,
    WelfarePost: posts,
    WelfareFundEntry: entries,
  };
};
