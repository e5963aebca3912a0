/**
 * Property's part of the seeded world: management histories, old estates without a company (CL: 90 taken over by
 * the fallback provider), owners' and building committees (LS: 15 楼管委 with 75 members), cross-appointments
 * (HL: 30), service orders in every status and the stewards' daily patrols (CL: 800+ issues in half a year).
 * Deterministic (own faker seed, ids from natural keys) and proportional to the scale.
 */
import { fakerZH_CN as faker } from '@faker-js/faker';
import { ageOn, stableId, weighted, type ExtendWorld, type SeedDoc as Doc } from '@cg/kit';
import { pathTo, SERVICE_ORDER_STATUSES, stepInto, type ServiceOrderStatus } from './serviceOrderFlow';
import { SERVICE_ORDER_CATEGORIES } from './models/ServiceOrder';
import { PATROL_ISSUE_CATEGORIES } from './models/EstatePatrol';
import { seedContracts } from './seed/contracts';
import { raisedOrders } from './seed/raisedOrders';

const TODAY = '2026-11-01';
const RECORDED_AT = '2026-11-01T00:00:00.000Z';
const WORK_UNITS = [
  '粮食局',
  '供销社',
  '农机站',
  '水利局',
  '邮电局',
  '电力局',
  '交通局',
  '卫生局',
  '税务局',
  '林业局',
  '畜牧局',
  '建设局',
  '教育局',
  '人民医院',
  '农业银行',
  '气象局',
];
const ORDER_TEXT: Record<string, string[]> = {
  REPAIR: ['厨房水管漏水', '楼道灯不亮', '单元门禁损坏', '暖气片不热', '卫生间下水堵塞'],
  SANITATION: ['楼下垃圾未及时清运', '楼道堆放杂物', '小区绿地有狗粪'],
  GREENING: ['楼前树枝遮挡窗户', '草坪枯死需补种'],
  SECURITY: ['小区东门无人值守', '监控探头损坏'],
  PARKING: ['车辆占用消防通道', '电动车楼道充电'],
  FACILITIES: ['健身器材松动', '路灯损坏', '休闲座椅破损'],
  NEIGHBOUR_DISPUTE: ['楼上噪音扰民', '邻居占用公共楼道'],
  OTHER: ['咨询物业费缴纳', '申请开具居住证明'],
};
const ISSUE_TEXT: Record<string, string[]> = {
  SANITATION: ['垃圾桶满溢', '楼前积水', '绿化带有白色垃圾'],
  FITNESS_EQUIPMENT: ['单杠螺丝松动', '漫步机轴承异响'],
  FIRE_EQUIPMENT: ['灭火器过期', '消防通道堆放杂物', '消火栓箱门损坏'],
  PUBLIC_NOTICES: ['公益广告褪色', '宣传栏破损'],
  LIGHTING: ['路灯不亮', '楼道感应灯失灵'],
  PARKING: ['车辆乱停乱放', '共享单车堵塞出入口'],
  OTHER: ['井盖松动', '墙皮脱落'],
};

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const addHours = (iso: string, hours: number) => new Date(new Date(iso).getTime() + hours * 3_600_000).toISOString();
const adult = (r: Doc) => ageOn(String(r.birthDate), TODAY) >= 18;
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export const extendWorld: ExtendWorld = (world, scale) => {
  faker.seed(20261124);
  const core = world.property!;
  const civil = world['civil-affairs']!;
  const [regular, fallback] = [core.PropertyCompany!.find((c) => !c.isFallbackProvider)!, core.PropertyCompany!.find((c) => c.isFallbackProvider)!];
  const community = civil.Community![0]!;
  const buildings = core.Building!;
  const unitsByBuilding = group(core.Unit!, (u) => String(u.buildingId));
  const householdByUnit = new Map(civil.Household!.map((h) => [String(h.unitId), h]));
  const residentsByHousehold = group(civil.Resident!, (r) => String(r.householdId));
  const gridById = new Map(civil.Grid!.map((g) => [g._id, g]));
  const residentsOfBuilding = (buildingId: string) =>
    (unitsByBuilding.get(buildingId) ?? []).flatMap((u) => residentsByHousehold.get(String(householdByUnit.get(u._id)?._id)) ?? []).filter(adult);

  // Core estates get the management history their company implies (the property department's own documents).
  for (const [i, estate] of core.Estate!.entries()) {
    const company = core.PropertyCompany!.find((c) => c._id === estate.propertyCompanyId);
    if (!company || estate.managementHistory) continue;
    const effectiveOn = `2019-0${6 + i}-01`;
    estate.managedSince = effectiveOn;
    estate.managementHistory = [{ action: company.isFallbackProvider ? 'FALLBACK_TAKEOVER' : 'CONTRACTED', propertyCompanyId: company._id, effectiveOn, recordedAt: RECORDED_AT }];
  }

  // 老旧小区: work-unit compounds whose company left; every other one taken over by the fallback provider.
  const oldEstates: Doc[] = [];
  for (let i = 0; i < Math.max(2, Math.round(scale.grids / 3)); i++) {
    const name = `${WORK_UNITS[i % WORK_UNITS.length]}家属院${i >= WORK_UNITS.length ? `${Math.floor(i / WORK_UNITS.length) + 1}区` : ''}`;
    const history: Doc[] = [
      { action: 'CONTRACTED', propertyCompanyId: regular._id, effectiveOn: `201${i % 5}-03-01`, recordedAt: RECORDED_AT },
      { action: 'ENDED', propertyCompanyId: regular._id, effectiveOn: `202${i % 3}-12-31`, note: '合同到期撤场', recordedAt: RECORDED_AT },
    ] as unknown as Doc[];
    const takenOver = i % 2 === 0;
    if (takenOver)
      history.push({ action: 'FALLBACK_TAKEOVER', propertyCompanyId: fallback._id, effectiveOn: '2023-04-01', note: '先服务、后收费', recordedAt: RECORDED_AT } as unknown as Doc);
    oldEstates.push({
      _id: stableId('estate', name),
      name,
      address: `张北县${faker.location.street()}${i + 1}号`,
      communityId: community._id,
      ...(takenOver ? { propertyCompanyId: fallback._id, managedSince: '2023-04-01' } : {}),
      managementHistory: history,
    });
  }
  const allEstates = [...core.Estate!, ...oldEstates];

  // 业委会 per core estate (5–7 members), 楼管委 for every fourth building (5 members each).
  const OwnersCommittee: Doc[] = [];
  const seat = (ids: Doc[]) => ids.map((r, k) => ({ residentId: r._id, role: k === 0 ? 'DIRECTOR' : k === 1 ? 'DEPUTY_DIRECTOR' : 'MEMBER' }));
  for (const estate of core.Estate!) {
    const pool = buildings.filter((b) => b.estateId === estate._id).flatMap((b) => residentsOfBuilding(b._id));
    const termStart = isoDate(faker.date.between({ from: '2022-01-01', to: '2024-12-31' }));
    OwnersCommittee.push({
      _id: stableId('owners-committee', estate._id),
      kind: 'OWNERS_COMMITTEE',
      name: `${estate.name}业主委员会`,
      estateId: estate._id,
      termStart,
      termEnd: `${Number(termStart.slice(0, 4)) + 5}${termStart.slice(4)}`,
      members: seat(faker.helpers.arrayElements(pool, { min: 5, max: 7 })),
    });
  }
  for (const building of buildings.filter((_, i) => i % 4 === 0)) {
    const pool = residentsOfBuilding(building._id);
    if (pool.length < 5) continue;
    const termStart = isoDate(faker.date.between({ from: '2023-01-01', to: '2025-06-30' }));
    const estate = core.Estate!.find((e) => e._id === building.estateId)!;
    OwnersCommittee.push({
      _id: stableId('owners-committee', building._id),
      kind: 'BUILDING_COMMITTEE',
      name: `${estate.name}${building.number}楼管委`,
      estateId: estate._id,
      buildingId: building._id,
      termStart,
      termEnd: `${Number(termStart.slice(0, 4)) + 3}${termStart.slice(4)}`,
      members: seat(faker.helpers.arrayElements(pool, 5)),
    });
  }

  // 交叉任职 (HL: 30 over a county): both directions, some ended.
  const CrossAppointment: Doc[] = [];
  const adults = civil.Resident!.filter(adult);
  for (let i = 0; i < Math.max(3, Math.round(scale.grids / 2)); i++) {
    const person = faker.helpers.arrayElement(adults);
    const toCompany = i % 2 === 0;
    const startOn = isoDate(faker.date.between({ from: '2021-01-01', to: '2025-12-31' }));
    CrossAppointment.push({
      _id: stableId('cross-appointment', i),
      personName: String(person.name),
      phone: String(person.phone ?? `139${String(10_000_000 + i).slice(-8)}`),
      residentId: person._id,
      direction: toCompany ? 'COMMUNITY_TO_COMPANY' : 'COMPANY_TO_COMMUNITY',
      communityId: community._id,
      communityPost: toCompany ? faker.helpers.arrayElement(['社区党委委员', '社区居委会委员', '社区党委副书记']) : '社区党委兼职委员',
      propertyCompanyId: (i % 3 === 2 ? fallback : regular)._id,
      companyPost: toCompany ? '物业党建指导员' : faker.helpers.arrayElement(['项目经理', '物业党支部书记']),
      startOn,
      ...(i % 5 === 4 ? { endOn: `${Number(startOn.slice(0, 4)) + 1}${startOn.slice(4)}` } : {}),
    });
  }

  // 物业工单: about one per ten households, the first six in each status in turn, the rest mostly finished.
  const ServiceOrder: Doc[] = [];
  const households = civil.Household!;
  const estateOfBuilding = new Map(buildings.map((b) => [b._id, String(b.estateId)]));
  const unitById = new Map(core.Unit!.map((u) => [u._id, u]));
  for (let i = 0; i < Math.max(12, Math.round(households.length / 10)); i++) {
    const household = faker.helpers.arrayElement(households);
    const unit = unitById.get(String(household.unitId))!;
    const reporter = (residentsByHousehold.get(household._id) ?? [])[0]!;
    const estateId = estateOfBuilding.get(String(unit.buildingId))!;
    const status: ServiceOrderStatus =
      i < 12 ? SERVICE_ORDER_STATUSES[i % 6]! : faker.helpers.weightedArrayElement(weighted({ ORDERED: 1, DISPATCHED: 1, ACCEPTED: 1, DONE: 2, RATED: 6, CANCELLED: 1 }));
    const category = faker.helpers.arrayElement(SERVICE_ORDER_CATEGORIES);
    const steps = pathTo(status, faker.helpers.arrayElement(['ORDERED', 'DISPATCHED', 'ACCEPTED'] as const));
    let at = faker.date.between({ from: '2026-08-01T00:00:00Z', to: '2026-10-30T00:00:00Z' }).toISOString();
    const order: Doc = {
      _id: stableId('service-order', i),
      category,
      description: faker.helpers.arrayElement(ORDER_TEXT[category]!),
      status,
      reporterId: reporter._id,
      unitId: unit._id,
      estateId,
      orderedAt: at,
      history: [],
    };
    const history = order.history as Doc[];
    for (const [k, to] of steps.entries()) {
      if (k > 0) at = addHours(at, faker.number.int({ min: 1, max: 30 }));
      const step = stepInto(to);
      history.push({ ...(k > 0 ? { from: steps[k - 1] } : {}), to, party: k === 0 ? 'RESIDENT' : step!.party, at } as unknown as Doc);
      if (k > 0) order[step!.stamp] = at;
    }
    const company = allEstates.find((e) => e._id === estateId)?.propertyCompanyId;
    if (steps.includes('DISPATCHED') && company) order.propertyCompanyId = company;
    if (status === 'RATED')
      order.rating = faker.helpers.weightedArrayElement([
        { weight: 1, value: 2 },
        { weight: 2, value: 3 },
        { weight: 5, value: 4 },
        { weight: 8, value: 5 },
      ]);
    if (status === 'CANCELLED') order.cancelReason = '居民自行解决';
    ServiceOrder.push(order);
  }

  // 小区管家巡查, 08:30–09:30 daily over the last two (demo) or four weeks; a few days missed, a few late.
  const EstatePatrol: Doc[] = [];
  const days = scale.name === 'small' ? 14 : 28;
  const grids = civil.Grid!;
  for (const [e, estate] of allEstates.entries()) {
    const own = buildings.filter((b) => b.estateId === estate._id);
    const grid = gridById.get(String(own[0]?.gridId)) ?? grids[e % grids.length]!;
    for (let d = days; d >= 1; d--) {
      const date = isoDate(new Date(Date.parse(`${TODAY}T00:00:00Z`) - d * 86_400_000));
      if (faker.number.float() < 0.12) continue;
      const start = faker.number.float() < 0.9 ? 510 + faker.number.int({ min: 0, max: 10 }) : 540 + faker.number.int({ min: 0, max: 30 });
      const issues = Array.from(
        {
          length: faker.helpers.weightedArrayElement([
            { weight: 5, value: 0 },
            { weight: 3, value: 1 },
            { weight: 2, value: 2 },
            { weight: 1, value: 3 },
          ]),
        },
        (_, k) => {
          const category = faker.helpers.arrayElement(PATROL_ISSUE_CATEGORIES);
          const building = own.length ? faker.helpers.arrayElement(own) : undefined;
          const resolved = faker.number.float() < 0.6 + d / 100;
          return {
            id: stableId('patrol-issue', estate._id, date, k),
            category,
            description: faker.helpers.arrayElement(ISSUE_TEXT[category]!),
            ...(building ? { buildingId: building._id } : {}),
            resolved,
            ...(resolved ? { resolvedAt: `${date}T06:00:00.000Z` } : {}),
          };
        },
      );
      EstatePatrol.push({
        _id: stableId('estate-patrol', estate._id, date),
        date,
        estateId: estate._id,
        stewardName: String(grid.leaderName),
        gridId: grid._id,
        startTime: hhmm(start),
        endTime: hhmm(start + faker.number.int({ min: 40, max: 60 })),
        issues,
        openIssueCount: issues.filter((x) => !x.resolved).length,
      });
    }
  }

  // Orders raised from party's cases and from the stewards' findings, linked both ways.
  ServiceOrder.push(...raisedOrders(world, allEstates, EstatePatrol));
  return { Estate: oldEstates, OwnersCommittee, CrossAppointment, ServiceOrder, EstatePatrol, ...seedContracts(allEstates, core.PropertyCompany!) };
};

function group<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
