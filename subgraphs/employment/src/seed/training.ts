import { fakerZH_CN as faker } from '@faker-js/faker';
import { addDays, ageOn, stableId, type SeedDoc as Doc } from '@cg/kit';
import { TODAY } from './dates';

const COURSES = [
  { category: 'SEWING', title: '缝纫工技能培训' },
  { category: 'EMBROIDERY', title: '苗绣技艺培训' },
  { category: 'COOKING', title: '中式烹调师培训' },
  { category: 'DOMESTIC_SERVICE', title: '家政服务员培训' },
  { category: 'ELDER_CARE', title: '养老护理员培训' },
  { category: 'ELECTRICIAN', title: '低压电工培训' },
  { category: 'E_COMMERCE', title: '农村电商直播培训' },
  { category: 'AGRICULTURE', title: '马铃薯种植技术培训' },
] as const;
const PROVIDERS = ['张北县职业技术教育中心', '张家口市人社局培训基地', '义合美新城社区就业服务站', '张北县农业农村局'];

/** Two courses (技能培训) per grid over the year, each half to fully booked by working-age residents. */
export function seedTraining(residents: Doc[], records: Doc[], grids: number) {
  const students = new Set(records.filter((r) => r.status === 'STUDENT' || r.status === 'RETIRED').map((r) => r.residentId));
  const pool = residents.filter((r) => !students.has(r._id) && ageOn(r.birthDate as string, TODAY) >= 18 && ageOn(r.birthDate as string, TODAY) < 60);
  const courses: Doc[] = [];
  const enrolments: Doc[] = [];
  for (let i = 1; i <= grids * 2; i++) {
    const kind = COURSES[(i - 1) % COURSES.length]!;
    const title = `${kind.title}（第${Math.ceil(i / COURSES.length)}期）`;
    const startsOn = faker.date.between({ from: '2026-01-05', to: '2026-12-15' }).toISOString().slice(0, 10);
    const endsOn = addDays(startsOn, faker.number.int({ min: 5, max: 30 }));
    const capacity = faker.number.int({ min: 20, max: 40 });
    const courseId = stableId('course', title);
    const chosen = faker.helpers.arrayElements(pool, Math.min(pool.length, Math.floor(capacity * faker.number.float({ min: 0.5, max: 1 }))));
    let taken = 0;
    for (const resident of chosen) {
      const enrolledOn = addDays(startsOn, -faker.number.int({ min: 1, max: 20 }));
      if (enrolledOn > TODAY) continue;
      const finished = endsOn < TODAY;
      const status = finished
        ? faker.helpers.weightedArrayElement([
            { weight: 85, value: 'COMPLETED' },
            { weight: 15, value: 'WITHDRAWN' },
          ])
        : 'ENROLLED';
      if (status !== 'WITHDRAWN') taken++;
      enrolments.push({
        _id: stableId('enrolment', courseId, resident._id),
        courseId,
        residentId: resident._id,
        status,
        enrolledOn,
        ...(status === 'COMPLETED' ? { completedOn: endsOn, passed: faker.number.float() < 0.9 } : {}),
      });
    }
    courses.push({
      _id: courseId,
      title,
      category: kind.category,
      provider: faker.helpers.arrayElement(PROVIDERS),
      startsOn,
      endsOn,
      hours: faker.number.int({ min: 3, max: 15 }) * 8,
      capacity,
      seatsLeft: capacity - taken,
      enrolledCount: taken,
    });
  }
  return { courses, enrolments };
}
