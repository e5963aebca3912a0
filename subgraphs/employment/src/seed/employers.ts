/**
 * Employment's part of the core world (scripts/seed/world.ts ties the departments together): the local employers
 * and their postings, and every working-age resident's employment status. Drawn from the world's random stream: the
 * employers when the builder asks, a resident's record as each resident is seeded.
 */
import type { Faker } from '@faker-js/faker';
import { stableId, type SeedDoc as Doc } from '@cg/kit';

/** Where they stand (WGS-84): the workshop inside the estates (扶贫车间), the cooperative beside them, the factory across town. */
const EMPLOYERS = [
  { name: '义合美马铃薯种植专业合作社', kind: 'COOPERATIVE', jobsProvided: 300, titles: ['分拣工', '仓储管理员'], latitude: 41.162, longitude: 114.7 },
  { name: '张北县蔬菜加工厂', kind: 'ENTERPRISE', jobsProvided: 700, titles: ['蔬菜加工工', '质检员', '叉车司机'], latitude: 41.17, longitude: 114.73 },
  { name: '义合美箱包就业帮扶车间', kind: 'ASSISTANCE_WORKSHOP', jobsProvided: 80, titles: ['缝纫工', '包装工'], latitude: 41.1575, longitude: 114.706 },
] as const;

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** Seeds the employers and their postings (the first employer's last posting closed), then records residents. */
export function employmentCore(faker: Faker) {
  const docs = { Employer: [] as Doc[], JobPosting: [] as Doc[], EmploymentRecord: [] as Doc[] };
  for (const [i, e] of EMPLOYERS.entries()) {
    const employerId = stableId('employer', e.name);
    docs.Employer.push({
      _id: employerId,
      name: e.name,
      kind: e.kind,
      address: `张北县义合美产业园${i + 1}号`,
      jobsProvided: e.jobsProvided,
      latitude: e.latitude,
      longitude: e.longitude,
    });
    for (const [j, title] of e.titles.entries()) {
      docs.JobPosting.push({
        _id: stableId('posting', e.name, title),
        employerId,
        title,
        openings: faker.number.int({ min: 2, max: 30 }),
        monthlyWage: faker.number.int({ min: 25, max: 45 }) * 100,
        status: j === e.titles.length - 1 && i === 0 ? 'CLOSED' : 'OPEN',
        postedOn: isoDate(faker.date.between({ from: '2026-06-01', to: '2026-10-31' })),
      });
    }
  }
  return {
    docs,
    /** From 16 a resident has a status: a student until 19, retired from 60, else mostly employed (at one of ours). */
    record(residentId: string, age: number): void {
      if (age < 16) return;
      const status =
        age >= 60
          ? 'RETIRED'
          : age < 19
            ? 'STUDENT'
            : faker.helpers.weightedArrayElement([
                { weight: 7, value: 'EMPLOYED' },
                { weight: 2, value: 'SEEKING' },
                { weight: 1, value: 'UNABLE_TO_WORK' },
              ]);
      const employer = status === 'EMPLOYED' ? faker.helpers.arrayElement(docs.Employer) : undefined;
      docs.EmploymentRecord.push({
        _id: stableId('employment', residentId),
        residentId,
        status,
        employerId: employer?._id,
        since: isoDate(faker.date.between({ from: '2020-01-01', to: '2026-10-01' })),
      });
    },
  };
}
