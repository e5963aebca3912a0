import { fakerZH_CN as faker } from '@faker-js/faker';
import { addDays, ageOn, maxDate, stableId, weighted, type SeedDoc as Doc } from '@cg/kit';
import { TODAY } from './dates';

const WORKSHOPS = [
  { trade: '刺绣', titles: ['刺绣工', '绣品质检员'] },
  { trade: '服装加工', titles: ['缝纫工', '熨烫工'] },
  { trade: '手工编织', titles: ['编织工', '打包工'] },
  { trade: '电子组装', titles: ['组装工', '检测员'] },
  { trade: '假发加工', titles: ['发制品工', '梳理工'] },
  { trade: '食品加工', titles: ['食品包装工', '分拣工'] },
] as const;

const phone = () => `1${faker.helpers.arrayElement(['35', '37', '39', '50', '52', '58', '87'])}${faker.string.numeric(8)}`;

/** Assistance workshops (就业帮扶车间): one per two grids, two postings each. */
export function seedWorkshops(grids: number) {
  const employers: Doc[] = [];
  const postings: Doc[] = [];
  const count = Math.max(2, Math.ceil(grids / 2));
  for (let i = 1; i <= count; i++) {
    const shop = WORKSHOPS[(i - 1) % WORKSHOPS.length]!;
    const name = `义合美新城第${i}${shop.trade}就业帮扶车间`;
    const employerId = stableId('employer', name);
    employers.push({
      _id: employerId,
      name,
      kind: 'ASSISTANCE_WORKSHOP',
      address: `张北县义合美新城帮扶车间园区${i}号厂房`,
      contactPhone: phone(),
      jobsProvided: faker.number.int({ min: 30, max: 120 }),
    });
    for (const title of shop.titles) {
      postings.push({
        _id: stableId('posting', name, title),
        employerId,
        title,
        openings: faker.number.int({ min: 6, max: 30 }),
        monthlyWage: faker.number.int({ min: 22, max: 42 }) * 100,
        status: 'OPEN',
        postedOn: faker.date.between({ from: '2026-04-01', to: '2026-09-30' }).toISOString().slice(0, 10),
      });
    }
  }
  return { employers, postings };
}

const OUTCOMES = weighted({ APPLIED: 25, INTERVIEWED: 15, OFFERED: 10, PLACED: 25, REJECTED: 15, WITHDRAWN: 10 });
const PATH: Record<string, string[]> = {
  APPLIED: ['APPLIED'],
  INTERVIEWED: ['APPLIED', 'INTERVIEWED'],
  OFFERED: ['APPLIED', 'INTERVIEWED', 'OFFERED'],
  PLACED: ['APPLIED', 'INTERVIEWED', 'OFFERED', 'PLACED'],
  REJECTED: ['APPLIED', 'INTERVIEWED', 'REJECTED'],
  WITHDRAWN: ['APPLIED', 'WITHDRAWN'],
};

/**
 * Residents seeking work apply to workshop postings; some are placed, which fills openings and adds an EMPLOYED
 * record after their seeking one. The first building's households are left as the core world tells them (the
 * resident of docs/example-query.graphql lives there).
 */
export function seedApplications(residents: Doc[], records: Doc[], postings: Doc[]) {
  const applications: Doc[] = [];
  const placements: Doc[] = [];
  const seekers = records.filter((r) => r.status === 'SEEKING');
  const example = new Set(residents.filter((r) => r.householdId === residents[0]?.householdId).map((r) => r._id));
  for (const record of seekers) {
    const residentId = record.residentId as string;
    if (example.has(residentId) || faker.number.float() >= 0.6) continue;
    const posting = faker.helpers.arrayElement(postings);
    let steps = PATH[faker.helpers.weightedArrayElement(OUTCOMES)]!;
    if (steps.at(-1) === 'PLACED' && (posting.openings as number) < 1) steps = PATH.OFFERED!;
    const appliedOn = addDays(maxDate(posting.postedOn as string, record.since as string), faker.number.int({ min: 1, max: 20 }));
    const dates = steps.map((_, i) => addDays(appliedOn, i * faker.number.int({ min: 3, max: 12 })));
    const keep = dates.filter((d) => d <= TODAY).length;
    if (keep === 0) continue;
    steps = steps.slice(0, keep);
    const status = steps.at(-1)!;
    const applicationId = stableId('application', residentId, posting._id);
    const lastStepOn = dates[keep - 1]!;
    applications.push({
      _id: applicationId,
      postingId: posting._id,
      employerId: posting.employerId,
      residentId,
      status,
      appliedOn,
      lastStepOn,
      ...(status === 'PLACED' ? { placedOn: lastStepOn } : {}),
      history: steps.map((s, i) => ({ status: s, on: dates[i] })),
    });
    if (status === 'PLACED') {
      posting.openings = (posting.openings as number) - 1;
      posting.placedApplicationIds = [...((posting.placedApplicationIds as string[]) ?? []), applicationId];
      if (posting.openings === 0) posting.status = 'FILLED';
      placements.push({
        _id: stableId('placement', applicationId),
        residentId,
        status: 'EMPLOYED',
        employerId: posting.employerId,
        since: lastStepOn,
        applicationId,
      });
    }
  }
  return { applications, placements };
}

/** Earlier records before about a third of the core ones, so histories have more than one step, dates in order. */
export function seedHistory(residents: Doc[], records: Doc[], employers: Doc[]) {
  const birth = new Map(residents.map((r) => [r._id, r.birthDate as string]));
  const history: Doc[] = [];
  for (const record of records) {
    if (faker.number.float() >= 0.33) continue;
    const residentId = record.residentId as string;
    const since = record.since as string;
    const earliest = addDays(birth.get(residentId) ?? since, 16 * 366);
    const previous =
      record.status === 'EMPLOYED'
        ? { status: 'SEEKING', since: addDays(since, -faker.number.int({ min: 30, max: 400 })) }
        : record.status === 'SEEKING'
          ? { status: 'EMPLOYED', employerId: faker.helpers.arrayElement(employers)._id, since: addDays(since, -faker.number.int({ min: 200, max: 1500 })) }
          : record.status === 'RETIRED' && ageOn(birth.get(residentId) ?? TODAY, TODAY) >= 60
            ? { status: 'EMPLOYED', employerId: faker.helpers.arrayElement(employers)._id, since: addDays(since, -faker.number.int({ min: 2000, max: 6000 })) }
            : null;
    if (!previous || previous.since < earliest) continue;
    history.push({ _id: stableId('employment-history', residentId), residentId, note: '历史登记', ...previous });
  }
  return history;
}
