/**
 * Civil affairs' part of the core world (scripts/seed/world.ts ties the departments together): the community, its
 * grids, households and residents. The world builder owns the random stream and the shape of the world (grids ×
 * buildings × households); this module draws from the stream in the order the builder visits each place, so the
 * seeded world is the same on every run.
 */
import type { Faker } from '@faker-js/faker';
import { makeIdNumber, stableId, type Scale, type SeedDoc as Doc } from '@cg/kit';

const COMMUNITY = '义合美新城社区';
const ZHANGBEI = '130722'; // 张北县 administrative area code
const VILLAGES = ['大囫囵', '小二台', '油篓沟', '馒头营', '公会', '台路沟', '二泉井', '两面井', '单晶河', '海流图'];

export const communityId = stableId('community', COMMUNITY);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The age the seed gives a resident: the years between the birth year and today's year. The world's thresholds
 * (a phone from 16, party members from 22, retired at 60) were drawn with this rule; counting birthdays (the kit's
 * `ageOn`) would move some residents across them and reshuffle every random draw after the first one moved.
 */
const ageThisYear = (birthDate: string, today: string) => Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));

/** `count` household sizes of 1–6 that add up to `people` exactly (a relocation household averages about 2.6). */
function householdSizes(faker: Faker, count: number, people: number): number[] {
  if (people < count || people > 6 * count) throw new Error(`${people} people do not fit ${count} households of 1–6`);
  const sizes = Array.from({ length: count }, () =>
    faker.helpers.weightedArrayElement([
      { weight: 2, value: 1 },
      { weight: 4, value: 2 },
      { weight: 3, value: 3 },
      { weight: 2, value: 4 },
      { weight: 1, value: 5 },
    ]),
  );
  let gap = people - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; gap !== 0; i = (i + 7919) % count) {
    const step = Math.sign(gap);
    if (sizes[i]! + step < 1 || sizes[i]! + step > 6) continue;
    sizes[i]! += step;
    gap -= step;
  }
  return sizes;
}

/** A household as the registry seeds it, with what its members are drawn from. */
export interface SeededHousehold {
  household: Doc;
  surname: string;
  size: number;
}

/**
 * The registry of one scale. Creating it draws the household sizes when the scale has exact figures; `grid`,
 * `household` and `resident` then draw in the order they are called.
 */
export function civilRegistry(faker: Faker, scale: Scale, today: string) {
  const docs = { Community: [] as Doc[], Grid: [] as Doc[], Household: [] as Doc[], Resident: [] as Doc[] };
  const sizes = scale.figures ? householdSizes(faker, scale.figures.households, scale.figures.residents) : undefined;
  let householdIndex = 0;
  let sequence = 0;
  const issued = new Set<string>();
  /** ID numbers are unique: on a clash the sequence code moves on by two, keeping its parity (the sex digit). */
  const uniqueIdNumber = (birthDate: string, seq: number) => {
    let id = makeIdNumber(ZHANGBEI, birthDate, seq);
    for (let next = seq; issued.has(id);) id = makeIdNumber(ZHANGBEI, birthDate, (next = (next + 2) % 1000));
    issued.add(id);
    return id;
  };
  const phone = () => `1${faker.helpers.arrayElement(['39', '52', '58', '78', '87', '99'])}${faker.string.numeric(8)}`;

  return {
    docs,
    /** Grid `g` (1-based) of the community. */
    grid(g: number): Doc {
      const code = `ZB-YHM-${pad(g)}`;
      const grid = { _id: stableId('grid', code), code, name: `义合美新城第${g}网格`, communityId, leaderName: faker.person.fullName() };
      docs.Grid.push(grid);
      return grid;
    },
    /** Household `h` of building `b` of grid `g`, living in the dwelling `unitId`. */
    household(g: number, b: number, h: number, gridId: string, unitId: string): SeededHousehold {
      const fileNumber = `YHM${pad(g)}${pad(b)}${pad(h, 3)}`;
      const household = {
        _id: stableId('household', fileNumber),
        fileNumber,
        tenure: faker.helpers.weightedArrayElement([
          { weight: 8, value: 'OWNED' },
          { weight: 1, value: 'RENTED' },
          { weight: 1, value: 'VACANT' },
        ]),
        originVillage: `${faker.helpers.arrayElement(VILLAGES)}村`,
        communityId,
        gridId,
        unitId,
      };
      docs.Household.push(household);
      const surname = faker.person.lastName();
      const size = sizes ? sizes[householdIndex++]! : faker.number.int({ min: 1, max: 5 });
      return { household, surname, size };
    },
    /** Member `m` of the household (0 the head, 1 the spouse, then children), and the age the seed gives them. */
    resident({ household, surname }: SeededHousehold, m: number): { resident: Doc; age: number } {
      sequence++;
      const relation = m === 0 ? '户主' : m === 1 ? '配偶' : '子女';
      const born = m < 2 ? faker.date.birthdate({ mode: 'age', min: 28, max: 82, refDate: today }) : faker.date.birthdate({ mode: 'age', min: 1, max: 26, refDate: today });
      const birthDate = isoDate(born);
      const sex = m === 0 ? 'MALE' : m === 1 ? 'FEMALE' : faker.helpers.arrayElement(['MALE', 'FEMALE'] as const);
      const seq = (sequence % 499) * 2 + (sex === 'MALE' ? 1 : 0);
      const name = m === 1 ? faker.person.fullName({ sex: 'female' }) : surname + faker.person.firstName(sex === 'MALE' ? 'male' : 'female');
      const age = ageThisYear(birthDate, today);
      const resident = {
        _id: stableId('resident', household.fileNumber as string, m),
        name,
        idNumber: uniqueIdNumber(birthDate, seq),
        phone: age >= 16 ? phone() : undefined,
        birthDate,
        sex,
        relationToHead: relation,
        householdId: household._id,
        gridId: household.gridId,
      };
      docs.Resident.push(resident);
      return { resident, age };
    },
    /** The community itself, counting the households and residents seeded. */
    finish(): void {
      docs.Community.push({
        _id: communityId,
        name: COMMUNITY,
        district: '河北省张家口市张北县',
        settlementType: 'RELOCATION',
        householdCount: docs.Household.length,
        population: docs.Resident.length,
      });
    },
  };
}
