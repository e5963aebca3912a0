/**
 * Civil affairs' part of the seed world: the building and entrance levels of the grid chain, care profiles
 * (vulnerability flags and visit schedules), assistance records, visits, proxy services, disputes and civility
 * points, in proportion to the core world's residents. Deterministic: a fixed faker seed, ids from natural keys.
 * Rates follow the seeds (ZB: 5,600 visits and 1,560 services for 22,295 people, 182 disputes for 8,711 households).
 */
import { fakerZH_CN as faker } from '@faker-js/faker';
import { addDays, ageOn, stableId, weighted, type ExtendWorld, type SeedDoc as Doc } from '@cg/kit';
import { MUST_GO_DAYS, groupsOf, nextVisitDue, type CareState, type VulnerabilityFlag } from './care';
import { careProfileId } from './careProfiles';
import { pointsAccountId, pointsEntryId } from './points';
import { PROXY_ITEMS } from './lifecycles';
import { seedVolunteers } from './seed/volunteers';

const TODAY = '2026-11-01'; // the core world's "today"
const phone = () => `1${faker.helpers.arrayElement(['35', '58', '77', '86', '95'])}${faker.string.numeric(8)}`;
const chance = (p: number) => faker.number.float() < p;
const dateBetween = (from: string, to: string) =>
  faker.date
    .between({ from: `${from}T00:00:00Z`, to: `${to}T00:00:00Z` })
    .toISOString()
    .slice(0, 10);

export const extendWorld: ExtendWorld = (world, scale) => {
  faker.seed(20261124);
  const civil = world['civil-affairs']!;
  const grids = civil.Grid!;
  const households = civil.Household!;
  const residents = civil.Resident!;
  const out = {
    Grid: [] as Doc[],
    CareProfile: [] as Doc[],
    AssistanceRecord: [] as Doc[],
    Visit: [] as Doc[],
    ProxyService: [] as Doc[],
    Dispute: [] as Doc[],
    CivilityPointsAccount: [] as Doc[],
    CivilityPointsEntry: [] as Doc[],
  };
  const gridById = new Map(grids.map((g) => [g._id, g]));

  // Levels 3 and 4: a building grid (楼栋长) per building, an entrance grid (单元长) per entrance. The core world's
  // own grid and household documents are civil affairs' too: they get their level, workers and sub-grid path here.
  for (const grid of grids) Object.assign(grid, { level: 'GRID', workers: [1, 2].map(() => ({ name: faker.person.fullName(), role: 'GRID_WORKER', phone: phone() })) });
  const buildings = new Map((world.property?.Building ?? []).map((b) => [b._id, b]));
  const unitPath = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const unit of world.property?.Unit ?? []) {
    const building = buildings.get(unit.buildingId as string)!;
    const parent = gridById.get(building.gridId as string)!;
    const buildingCode = `${parent.code}-${(building.number as string).replace('号楼', '')}`;
    const buildingGridId = stableId('grid', buildingCode);
    if (!seen.has(buildingGridId)) {
      seen.add(buildingGridId);
      out.Grid.push({
        _id: buildingGridId,
        code: buildingCode,
        name: `${parent.name}${building.number}`,
        level: 'BUILDING',
        communityId: parent.communityId,
        parentId: parent._id,
        ancestorIds: [parent._id],
        leaderName: faker.person.fullName(),
        workers: [{ name: faker.person.fullName(), role: 'BUILDING_HEAD', phone: phone() }],
      });
    }
    const entranceCode = `${buildingCode}-${(unit.entrance as string).replace('单元', '')}`;
    const entranceGridId = stableId('grid', entranceCode);
    if (!unitPath.has(`${building._id}/${unit.entrance}`)) {
      out.Grid.push({
        _id: entranceGridId,
        code: entranceCode,
        name: `${parent.name}${building.number}${unit.entrance}`,
        level: 'ENTRANCE',
        communityId: parent.communityId,
        parentId: buildingGridId,
        ancestorIds: [parent._id, buildingGridId],
        leaderName: faker.person.fullName(),
        workers: [{ name: faker.person.fullName(), role: 'ENTRANCE_HEAD', phone: phone() }],
      });
      unitPath.set(`${building._id}/${unit.entrance}`, [buildingGridId, entranceGridId]);
    }
    unitPath.set(unit._id, unitPath.get(`${building._id}/${unit.entrance}`)!);
  }
  for (const household of households) {
    const path = household.unitId ? unitPath.get(household.unitId as string) : undefined;
    if (path) household.subGridIds = path;
  }

  const householdById = new Map(households.map((h) => [h._id, h]));
  const communityOf = (r: Doc) => gridById.get(r.gridId as string)!.communityId as string;
  const byGrid = new Map<string, Doc[]>();
  for (const r of residents) {
    if (!byGrid.has(r.gridId as string)) byGrid.set(r.gridId as string, []);
    byGrid.get(r.gridId as string)!.push(r);
  }

  for (const r of residents) {
    const age = ageOn(r.birthDate as string, TODAY);
    const head = r.relationToHead === '户主';
    const flags: VulnerabilityFlag[] = [];
    if (head && chance(0.06)) flags.push('LOW_INCOME');
    if (head && age >= 60 && chance(0.03)) flags.push('EXTREME_POVERTY');
    if (chance(0.025)) flags.push('DISABILITY');
    if (age >= 70 && chance(0.3)) flags.push('ELDERLY_ALONE');
    if (age >= 65 && chance(0.05)) flags.push('UNABLE_TO_SELF_CARE');
    if (age >= 40 && chance(0.006)) flags.push('HOSPITALISED');
    if (age < 14 && chance(0.03)) flags.push('LEFT_BEHIND_CHILD');
    if (flags.length) seedCare(r, flags, age);
    if (age >= 16 && chance(0.12)) seedPoints(r);
    if (chance(age >= 60 ? 0.15 : 0.04)) seedProxyService(r);
  }

  function seedCare(r: Doc, flags: VulnerabilityFlag[], age: number) {
    const household = householdById.get(r.householdId as string)!;
    const flaggedOn = dateBetween('2024-01-01', '2026-08-31');
    const visitCount = faker.number.int({ min: 0, max: 4 });
    const visitDates = Array.from({ length: visitCount }, () => dateBetween(flaggedOn, TODAY)).sort();
    for (const [i, visitedOn] of visitDates.entries()) {
      out.Visit.push({
        _id: stableId('visit', r._id, i),
        residentId: r._id,
        gridId: r.gridId,
        visitedOn,
        visitorName: faker.person.fullName(),
        method: faker.helpers.arrayElement(['HOME', 'HOME', 'PHONE', 'HOSPITAL']),
        groups: groupsOf(flags),
        answeredEvents: [],
        notes: '了解生活情况，宣讲政策',
      });
    }
    const openEvents = chance(0.03)
      ? [
          ((event) => {
            const occurredOn = dateBetween('2026-10-01', TODAY);
            return { _id: stableId('must_go', 'seed', r._id), event, occurredOn, dueBy: addDays(occurredOn, MUST_GO_DAYS[event]), note: null };
          })(faker.helpers.arrayElement(['EMERGENCY', 'GRIEVANCE', 'FAMILY_DISPUTE'] as const)),
        ]
      : [];
    const state: CareState = { flags, flaggedOn, lastVisitedOn: visitDates.at(-1) ?? null, openEvents };
    const due = nextVisitDue(state);
    out.CareProfile.push({
      _id: careProfileId(r._id),
      residentId: r._id,
      gridId: r.gridId,
      communityId: communityOf(r),
      flags,
      groups: groupsOf(flags),
      flaggedOn,
      ...(state.lastVisitedOn ? { lastVisitedOn: state.lastVisitedOn } : {}),
      openEvents,
      ...(due ? { nextVisitDue: due } : {}),
      revision: 0,
    });
    const grant = (kind: string, monthlyAmount: number | undefined, startDate = flaggedOn, status = 'ACTIVE', endDate?: string) =>
      out.AssistanceRecord.push({
        _id: stableId('assistance', r._id, kind, startDate),
        residentId: r._id,
        householdId: household._id,
        gridId: r.gridId,
        kind,
        status,
        startDate,
        ...(endDate ? { endDate } : {}),
        ...(monthlyAmount ? { monthlyAmount } : {}),
        approvedBy: '张北县民政局',
      });
    if (flags.includes('LOW_INCOME')) grant('LOW_INCOME_ALLOWANCE', faker.number.int({ min: 55, max: 90 }) * 10);
    if (flags.includes('EXTREME_POVERTY')) grant('EXTREME_POVERTY_SUPPORT', faker.number.int({ min: 90, max: 120 }) * 10);
    if (flags.includes('DISABILITY')) grant('DISABILITY_SUBSIDY', faker.number.int({ min: 8, max: 15 }) * 10);
    if (flags.includes('ELDERLY_ALONE')) grant('ELDERLY_ALONE_CARE', undefined);
    if (age >= 80) grant('OLD_AGE_ALLOWANCE', 100);
    if (chance(0.2)) {
      const start = dateBetween('2023-01-01', '2025-06-30');
      grant('TEMPORARY_ASSISTANCE', 500, start, 'ENDED', addDays(start, 90));
    }
  }

  function seedProxyService(r: Doc) {
    const requestedOn = dateBetween('2025-11-01', TODAY);
    const status = faker.helpers.weightedArrayElement(weighted({ COMPLETED: 6, IN_PROGRESS: 1, ACCEPTED: 1, REQUESTED: 1, CANCELLED: 1 }));
    const path = {
      REQUESTED: ['REQUESTED'],
      ACCEPTED: ['REQUESTED', 'ACCEPTED'],
      IN_PROGRESS: ['REQUESTED', 'ACCEPTED', 'IN_PROGRESS'],
      COMPLETED: ['REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'COMPLETED'],
      CANCELLED: ['REQUESTED', 'CANCELLED'],
    }[status]!;
    const completedOn =
      status === 'COMPLETED'
        ? addDays(requestedOn, faker.number.int({ min: 1, max: 10 })) > TODAY
          ? TODAY
          : addDays(requestedOn, faker.number.int({ min: 1, max: 10 }))
        : undefined;
    out.ProxyService.push({
      _id: stableId('proxy_service', r._id, requestedOn),
      residentId: r._id,
      gridId: r.gridId,
      item: faker.helpers.arrayElement(PROXY_ITEMS.filter((item) => item !== 'OTHER')),
      channel: faker.helpers.arrayElement(['PARTY_SERVICE_CENTER', 'ESTATE_OFFICE', 'DOORSTEP']),
      status,
      requestedOn,
      ...(completedOn ? { completedOn } : {}),
      ...(status !== 'REQUESTED' ? { handlerName: faker.person.fullName() } : {}),
      history: path.map((s) => ({ status: s, at: `${requestedOn}T09:00:00.000Z` })),
    });
  }

  function seedPoints(r: Doc) {
    const accountId = pointsAccountId(r._id);
    let balance = 0,
      earned = 0,
      spent = 0;
    const events = faker.number.int({ min: 2, max: 7 });
    for (let i = 0; i < events; i++) {
      const occurredAt = `${addDays('2026-01-01', i * 30 + faker.number.int({ min: 0, max: 25 }))}T09:00:00.000Z`; // in ledger order
      const spend = i > 1 && balance >= 2 && chance(0.3);
      const points = spend ? faker.number.int({ min: 1, max: balance }) : faker.number.int({ min: 1, max: 3 });
      balance += spend ? -points : points;
      if (spend) spent += points;
      else earned += points;
      out.CivilityPointsEntry.push({
        _id: pointsEntryId(r._id, `seed-${i}`),
        residentId: r._id,
        gridId: r.gridId,
        seq: i + 1,
        kind: spend ? 'SPEND' : 'EARN',
        points,
        occurredAt,
        balanceAfter: balance,
        earnedTotalAfter: earned,
        spentTotalAfter: spent,
        ...(spend ? { spentAt: '合约食堂' } : { activity: faker.helpers.arrayElement(['志愿服务', '环境整治', '邻里互助', '垃圾分类', '文明劝导']) }),
      });
    }
    out.CivilityPointsAccount.push({ _id: accountId, residentId: r._id, balance, earnedTotal: earned, spentTotal: spent, seq: events });
  }

  // Routine visits to ordinary households (about one in ten), and disputes (about 2 per 100 households).
  for (const household of households) {
    if (chance(0.1)) {
      const visitedOn = dateBetween('2026-05-01', TODAY);
      const residentId = stableId('resident', household.fileNumber as string, 0);
      out.Visit.push({
        _id: stableId('visit', household._id, visitedOn),
        residentId,
        gridId: household.gridId,
        visitedOn,
        visitorName: faker.person.fullName(),
        method: 'HOME',
        groups: [],
        answeredEvents: [],
        notes: '入户走访，收集诉求',
      });
    }
    if (chance(0.02)) seedDispute(household);
  }

  function seedDispute(household: Doc) {
    const neighbours = byGrid.get(household.gridId as string) ?? [];
    const [a, b] = faker.helpers.arrayElements(neighbours, 2);
    if (!a || !b) return;
    const category = a.householdId === b.householdId ? 'FAMILY' : faker.helpers.arrayElement(['NEIGHBOUR', 'PROPERTY_MANAGEMENT', 'LAND', 'LABOUR', 'DEBT']);
    const reportedOn = dateBetween('2025-06-01', TODAY);
    const status = faker.helpers.weightedArrayElement(weighted({ RESOLVED: 7, MEDIATING: 1, REPORTED: 1, ESCALATED: 1 }));
    const done = status === 'RESOLVED' ? addDays(reportedOn, faker.number.int({ min: 1, max: 20 })) : undefined;
    const resolvedOn = done && done > TODAY ? TODAY : done;
    out.Dispute.push({
      _id: stableId('dispute', household._id, reportedOn),
      gridId: household.gridId,
      category,
      status,
      parties: [a, b].map((p) => ({ residentId: p._id, name: p.name })),
      residentIds: [...new Set([a._id, b._id])],
      description: '双方因琐事发生争执，网格员上门了解情况',
      reportedOn,
      ...(status !== 'REPORTED' ? { mediatorName: faker.person.fullName() } : {}),
      ...(resolvedOn ? { mediatedOn: resolvedOn, resolvedOn, outcome: '经调解双方达成一致' } : {}),
      history: [{ status: 'REPORTED', at: `${reportedOn}T10:00:00.000Z` }, ...(status === 'REPORTED' ? [] : [{ status, at: `${resolvedOn ?? reportedOn}T10:00:00.000Z` }])],
    });
  }
  // A year of volunteer work (志愿服务), after the ledgers above: resident volunteers get ledgers of their own.
  return { ...out, ...seedVolunteers(world, scale, out) };
};
