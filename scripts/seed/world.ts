/**
 * The demo world, modelled on 张北县义合美新城 (000 in the seeds): one relocation community, its grids, estates,
 * buildings and dwellings, households and residents, the party tree and members, employers and postings.
 * Deterministic: a fixed faker seed and ids derived from natural keys, so seeding twice writes the same documents.
 */
import { fakerZH_CN as faker } from '@faker-js/faker';
import { makeIdNumber, stableId, type Scale, type SeedDoc as Doc, type World } from '@cg/kit';

/**
 * small: about 900 residents, what the tests seed; demo: 义合美新城's own figures (8,711 households, 22,295 residents,
 * 4 community party committees, 16 grid branches, 26 building groups, 3,568 employed nearby); county: about 10,000
 * residents; bench: about 100,000 (the by-id comparison of bench/).
 */
export const SCALES: Record<string, Scale> = {
  small: { name: 'small', grids: 6, buildingsPerGrid: 2, householdsPerBuilding: 25 },
  demo: {
    name: 'demo', grids: 16, buildingsPerGrid: 8, householdsPerBuilding: 68,
    figures: { households: 8711, residents: 22_295, committees: 4, buildingGroups: 26, employedNearby: 3568 },
  },
  county: { name: 'county', grids: 30, buildingsPerGrid: 4, householdsPerBuilding: 28 },
  bench: { name: 'bench', grids: 100, buildingsPerGrid: 10, householdsPerBuilding: 34 },
};

const ZHANGBEI = '130722'; // 张北县 administrative area code
const TODAY = '2026-11-01';
const VILLAGES = ['大囫囵', '小二台', '油篓沟', '馒头营', '公会', '台路沟', '二泉井', '两面井', '单晶河', '海流图'];
const EMPLOYERS = [
  { name: '义合美马铃薯种植专业合作社', kind: 'COOPERATIVE', jobsProvided: 300, titles: ['分拣工', '仓储管理员'] },
  { name: '张北县蔬菜加工厂', kind: 'ENTERPRISE', jobsProvided: 700, titles: ['蔬菜加工工', '质检员', '叉车司机'] },
  { name: '义合美箱包就业帮扶车间', kind: 'ASSISTANCE_WORKSHOP', jobsProvided: 80, titles: ['缝纫工', '包装工'] },
] as const;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const phone = () => `1${faker.helpers.arrayElement(['39', '52', '58', '78', '87', '99'])}${faker.string.numeric(8)}`;
const ageOn = (birthDate: string) => Number(TODAY.slice(0, 4)) - Number(birthDate.slice(0, 4));
const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** `count` household sizes of 1–6 that add up to `people` exactly (a relocation household averages about 2.6). */
function householdSizes(count: number, people: number): number[] {
  if (people < count || people > 6 * count) throw new Error(`${people} people do not fit ${count} households of 1–6`);
  const sizes = Array.from({ length: count }, () => faker.helpers.weightedArrayElement([
    { weight: 2, value: 1 }, { weight: 4, value: 2 }, { weight: 3, value: 3 }, { weight: 2, value: 4 }, { weight: 1, value: 5 },
  ]));
  let gap = people - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; gap !== 0; i = (i + 7919) % count) {
    const step = Math.sign(gap);
    if (sizes[i]! + step < 1 || sizes[i]! + step > 6) continue;
    sizes[i]! += step;
    gap -= step;
  }
  return sizes;
}

/** The core registry: places, people, the party tree and members, employers; departments extend it (see ExtendWorld). */
export function buildCoreWorld(scaleName = 'demo'): { world: World; scale: Scale } {
  const scale = SCALES[scaleName];
  if (!scale) throw new Error(`unknown scale "${scaleName}"; choose one of ${Object.keys(SCALES).join(', ')}`);
  faker.seed(20261123);
  const civil = { Community: [] as Doc[], Grid: [] as Doc[], Household: [] as Doc[], Resident: [] as Doc[] };
  const property = { PropertyCompany: [] as Doc[], Estate: [] as Doc[], Building: [] as Doc[], Unit: [] as Doc[] };
  const party = { PartyOrganization: [] as Doc[], PartyMember: [] as Doc[] };
  const employment = { Employer: [] as Doc[], JobPosting: [] as Doc[], EmploymentRecord: [] as Doc[] };

  const communityId = stableId('community', '义合美新城社区');
  const companies = [
    { _id: stableId('company', '张北县鑫源物业服务有限公司'), name: '张北县鑫源物业服务有限公司', isFallbackProvider: false },
    { _id: stableId('company', '张北县城投兜底物业服务中心'), name: '张北县城投兜底物业服务中心', isFallbackProvider: true },
  ];
  property.PropertyCompany.push(...companies);
  const estates = ['义合美新城一区', '义合美新城二区'].map((name, i) => ({
    _id: stableId('estate', name), name, address: `张北县义合美新城${['东', '西'][i]}街${i + 1}号`, communityId, propertyCompanyId: companies[i]!._id,
  }));
  property.Estate.push(...estates);

  const working = { _id: stableId('org', '义合美新城党工委'), name: '义合美新城党工委', level: 'WORKING_COMMITTEE', coveredGridIds: [] as string[] };
  const figures = scale.figures;
  const committees = Array.from({ length: figures?.committees ?? 1 }, (_, k) => {
    const name = k === 0 ? '义合美新城社区党委' : `义合美新城第${ORDINALS[k] ?? k + 1}社区党委`;
    return { _id: stableId('org', name), name, level: 'COMMUNITY_COMMITTEE', parentId: working._id, coveredGridIds: [] as string[] };
  });
  party.PartyOrganization.push(working, ...committees);
  const buildingCount = scale.grids * scale.buildingsPerGrid;
  /** Households in the building at `index` (0-based): the exact total spread evenly, else the scale's size. */
  const householdsIn = (index: number) =>
    figures ? Math.floor(figures.households / buildingCount) + (index < figures.households % buildingCount ? 1 : 0) : scale.householdsPerBuilding;
  /** Building party groups: every building, or `buildingGroups` of them spread over the estate. */
  const hasGroup = (index: number) => !figures || Math.floor((index * figures.buildingGroups) / buildingCount) !== Math.floor(((index + 1) * figures.buildingGroups) / buildingCount);
  const sizes = figures ? householdSizes(figures.households, figures.residents) : undefined;
  let householdIndex = 0;

  for (const [i, e] of EMPLOYERS.entries()) {
    const employerId = stableId('employer', e.name);
    employment.Employer.push({ _id: employerId, name: e.name, kind: e.kind, address: `张北县义合美产业园${i + 1}号`, jobsProvided: e.jobsProvided });
    for (const [j, title] of e.titles.entries()) {
      employment.JobPosting.push({
        _id: stableId('posting', e.name, title), employerId, title, openings: faker.number.int({ min: 2, max: 30 }),
        monthlyWage: faker.number.int({ min: 25, max: 45 }) * 100, status: j === e.titles.length - 1 && i === 0 ? 'CLOSED' : 'OPEN',
        postedOn: isoDate(faker.date.between({ from: '2026-06-01', to: '2026-10-31' })),
      });
    }
  }

  let sequence = 0;
  const issued = new Set<string>();
  /** ID numbers are unique: on a clash the sequence code moves on by two, keeping its parity (the sex digit). */
  const uniqueIdNumber = (birthDate: string, seq: number) => {
    let id = makeIdNumber(ZHANGBEI, birthDate, seq);
    for (let next = seq; issued.has(id); ) id = makeIdNumber(ZHANGBEI, birthDate, (next = (next + 2) % 1000));
    issued.add(id);
    return id;
  };
  for (let g = 1; g <= scale.grids; g++) {
    const code = `ZB-YHM-${pad(g)}`;
    const gridId = stableId('grid', code);
    civil.Grid.push({ _id: gridId, code, name: `义合美新城第${g}网格`, communityId, leaderName: faker.person.fullName() });
    const committee = committees[Math.floor(((g - 1) * committees.length) / scale.grids)]!;
    const branch = { _id: stableId('org', code, 'branch'), name: `义合美新城第${g}网格党支部`, level: 'BRANCH', parentId: committee._id, coveredGridIds: [gridId] };
    party.PartyOrganization.push(branch);
    for (let b = 1; b <= scale.buildingsPerGrid; b++) {
      const number = `${(g - 1) * scale.buildingsPerGrid + b}号楼`;
      const estate = estates[(g - 1) % estates.length]!;
      const buildingId = stableId('building', estate._id, number);
      property.Building.push({ _id: buildingId, number, floors: 6, estateId: estate._id, gridId });
      const buildingIndex = (g - 1) * scale.buildingsPerGrid + b - 1;
      const group = hasGroup(buildingIndex)
        ? { _id: stableId('org', buildingId, 'group'), name: `${estate.name}${number}党小组`, level: 'GROUP', parentId: branch._id, coveredGridIds: [] as string[] }
        : undefined;
      if (group) party.PartyOrganization.push(group);
      for (let h = 0; h < householdsIn(buildingIndex); h++) {
        const entrance = `${Math.floor(h / 12) + 1}单元`;
        const floor = Math.floor((h % 12) / 2) + 1;
        const room = `${floor}0${(h % 2) + 1}`;
        const unitId = stableId('unit', buildingId, entrance, room);
        property.Unit.push({ _id: unitId, buildingId, entrance, floor, room });
        const fileNumber = `YHM${pad(g)}${pad(b)}${pad(h, 3)}`;
        const householdId = stableId('household', fileNumber);
        civil.Household.push({
          _id: householdId, fileNumber, tenure: faker.helpers.weightedArrayElement([{ weight: 8, value: 'OWNED' }, { weight: 1, value: 'RENTED' }, { weight: 1, value: 'VACANT' }]),
          originVillage: `${faker.helpers.arrayElement(VILLAGES)}村`, communityId, gridId, unitId,
        });
        const surname = faker.person.lastName();
        const size = sizes ? sizes[householdIndex++]! : faker.number.int({ min: 1, max: 5 });
        for (let m = 0; m < size; m++) {
          sequence++;
          const relation = m === 0 ? '户主' : m === 1 ? '配偶' : '子女';
          const born = m < 2 ? faker.date.birthdate({ mode: 'age', min: 28, max: 82, refDate: TODAY }) : faker.date.birthdate({ mode: 'age', min: 1, max: 26, refDate: TODAY });
          const birthDate = isoDate(born);
          const sex = m === 0 ? 'MALE' : m === 1 ? 'FEMALE' : faker.helpers.arrayElement(['MALE', 'FEMALE'] as const);
          const seq = (sequence % 499) * 2 + (sex === 'MALE' ? 1 : 0);
          const residentId = stableId('resident', fileNumber, m);
          const name = m === 1 ? faker.person.fullName({ sex: 'female' }) : surname + faker.person.firstName(sex === 'MALE' ? 'male' : 'female');
          const age = ageOn(birthDate);
          civil.Resident.push({
            _id: residentId, name, idNumber: uniqueIdNumber(birthDate, seq), phone: age >= 16 ? phone() : undefined,
            birthDate, sex, relationToHead: relation, householdId, gridId,
          });
          if (age >= 22 && faker.number.float() < 0.12) {
            party.PartyMember.push({
              _id: stableId('member', residentId), residentId, organizationId: group ? faker.helpers.arrayElement([branch._id, group._id]) : branch._id,
              category: age >= 60 ? 'RETIRED' : faker.helpers.arrayElement(['RESIDENT', 'RELOCATED', 'IN_SERVICE']),
              joinedOn: isoDate(faker.date.between({ from: `${Number(birthDate.slice(0, 4)) + 18}-07-01`, to: TODAY })),
            });
          }
          if (age >= 16) {
            const status = age >= 60 ? 'RETIRED' : age < 19 ? 'STUDENT' : faker.helpers.weightedArrayElement([{ weight: 7, value: 'EMPLOYED' }, { weight: 2, value: 'SEEKING' }, { weight: 1, value: 'UNABLE_TO_WORK' }]);
            const employer = status === 'EMPLOYED' ? faker.helpers.arrayElement(employment.Employer) : undefined;
            employment.EmploymentRecord.push({
              _id: stableId('employment', residentId), residentId, status, employerId: employer?._id,
              since: isoDate(faker.date.between({ from: '2020-01-01', to: '2026-10-01' })),
            });
          }
        }
      }
    }
  }
  civil.Community.push({
    _id: communityId, name: '义合美新城社区', district: '河北省张家口市张北县', settlementType: 'RELOCATION',
    householdCount: civil.Household.length, population: civil.Resident.length,
  });
  return { world: { 'civil-affairs': civil, property, party, employment }, scale };
}
