/**
 * Party's part of the core world (scripts/seed/world.ts ties the departments together): the organisation tree
 * (working committee, community committees, a branch per grid, building groups) and the members among the residents.
 * The world builder passes the grids, buildings and residents other departments seeded as plain ids; members are
 * drawn from the world's random stream in the order residents are seeded.
 */
import type { Faker } from '@faker-js/faker';
import { stableId, type Scale, type SeedDoc as Doc } from '@cg/kit';

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

export function partyTree(faker: Faker, scale: Scale, today: string) {
  const working = { _id: stableId('org', '义合美新城党工委'), name: '义合美新城党工委', level: 'WORKING_COMMITTEE', coveredGridIds: [] as string[] };
  const committees = Array.from({ length: scale.figures?.committees ?? 1 }, (_, k) => {
    const name = k === 0 ? '义合美新城社区党委' : `义合美新城第${ORDINALS[k] ?? k + 1}社区党委`;
    return { _id: stableId('org', name), name, level: 'COMMUNITY_COMMITTEE', parentId: working._id, coveredGridIds: [] as string[] };
  });
  const docs = { PartyOrganization: [working, ...committees] as Doc[], PartyMember: [] as Doc[] };
  const buildingCount = scale.grids * scale.buildingsPerGrid;
  /** Building party groups: every building, or the scale's `buildingGroups` spread over the estate. */
  const groups = scale.figures?.buildingGroups;
  const hasGroup = (index: number) => groups === undefined || Math.floor((index * groups) / buildingCount) !== Math.floor(((index + 1) * groups) / buildingCount);

  return {
    docs,
    /** The branch of grid `g` (1-based, code `gridCode`), under the committee whose share of the grids it falls in. */
    branch(g: number, gridCode: string, gridId: string): Doc {
      const committee = committees[Math.floor(((g - 1) * committees.length) / scale.grids)]!;
      const branch = { _id: stableId('org', gridCode, 'branch'), name: `义合美新城第${g}网格党支部`, level: 'BRANCH', parentId: committee._id, coveredGridIds: [gridId] };
      docs.PartyOrganization.push(branch);
      return branch;
    },
    /** The group of the building at `index` (0-based over the world) named `label`, when it has one. */
    group(index: number, buildingId: string, label: string, branchId: string): Doc | undefined {
      if (!hasGroup(index)) return undefined;
      const group = { _id: stableId('org', buildingId, 'group'), name: `${label}党小组`, level: 'GROUP', parentId: branchId, coveredGridIds: [] as string[] };
      docs.PartyOrganization.push(group);
      return group;
    },
    /** About one adult in eight from 22 is a member, of the branch or of the building's group. */
    member(resident: { _id: string; birthDate: string }, age: number, branchId: string, groupId: string | undefined): void {
      if (age < 22 || faker.number.float() >= 0.12) return;
      docs.PartyMember.push({
        _id: stableId('member', resident._id),
        residentId: resident._id,
        organizationId: groupId ? faker.helpers.arrayElement([branchId, groupId]) : branchId,
        category: age >= 60 ? 'RETIRED' : faker.helpers.arrayElement(['RESIDENT', 'RELOCATED', 'IN_SERVICE']),
        joinedOn: isoDate(faker.date.between({ from: `${Number(resident.birthDate.slice(0, 4)) + 18}-07-01`, to: today })),
      });
    },
  };
}
