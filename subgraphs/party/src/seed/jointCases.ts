/**
 * Demo joint-response cases (一呼联动) and the 1+3+N roster, for every scale: a few cases per grid, cycling through
 * every status, each built by replaying legal steps of the transition table so its history, tasks and flags are
 * exactly what the mutations would have written. Deterministic (fixed faker seed, fixed dates, stableId).
 */
import { fakerZH_CN as faker } from '@faker-js/faker';
import { stableId, type ExtendWorld, type SeedDoc } from '@cg/kit';
import { STATUSES, transition, type Status, type Step } from '../jointCase/lifecycle';
import { dueAt, type Category, type Urgency } from '../jointCase/timeLimits';
import { newTask } from '../jointCase/tasks';
import { emptyFlags, type CaseEvent, type CaseTask, type JointCaseDoc } from '../models/JointCase';
import type { ResponseUnitDoc, UnitKind } from '../models/ResponseUnit';

const BASE = Date.parse('2026-10-01T08:00:00+08:00');
const HOUR = 3_600_000;

const ROSTER: Array<{ key: string; name: string; kind: UnitKind; categories: Category[] }> = [
  { key: 'community', name: '社区网格服务站', kind: 'COMMUNITY', categories: ['DISPUTE', 'ASSISTANCE', 'OTHER'] },
  { key: 'construction', name: '张北县住房和城乡建设局', kind: 'CONSTRUCTION', categories: ['BUILDING_SAFETY', 'HEATING'] },
  { key: 'law-enforcement', name: '张北县综合行政执法局', kind: 'LAW_ENFORCEMENT', categories: ['PUBLIC_ORDER', 'ENVIRONMENT'] },
  { key: 'joint-unit:power', name: '国网张北县供电公司', kind: 'JOINT_BUILDING', categories: ['POWER'] },
  { key: 'joint-unit:water', name: '张北县供水公司', kind: 'JOINT_BUILDING', categories: ['WATER'] },
  { key: 'joint-unit:gas', name: '张北县燃气公司', kind: 'JOINT_BUILDING', categories: ['GAS'] },
  { key: 'joint-unit:employment', name: '张北县人力资源和社会保障局', kind: 'JOINT_BUILDING', categories: ['EMPLOYMENT'] },
];

const PROBLEMS: Array<[Category, Urgency, string]> = [
  ['WATER', 'NORMAL', '单元楼道水管漏水，楼下住户墙面渗水'],
  ['POWER', 'EMERGENCY', '楼栋整体停电，电梯停运，有老人被困'],
  ['HEATING', 'NORMAL', '入冬后暖气不热，室温低于16度'],
  ['GAS', 'EMERGENCY', '厨房闻到燃气味，请求上门检查'],
  ['PROPERTY_SERVICE', 'NORMAL', '小区垃圾清运不及时，门口堆放多日'],
  ['ENVIRONMENT', 'NORMAL', '楼下商户油烟扰民'],
  ['PUBLIC_ORDER', 'NORMAL', '小区内电动车乱停乱放，堵塞消防通道'],
  ['BUILDING_SAFETY', 'COMPLEX', '外墙保温层脱落，存在安全隐患'],
  ['DISPUTE', 'NORMAL', '邻里因楼上漏水产生纠纷'],
  ['EMPLOYMENT', 'NORMAL', '搬迁后失业，希望就近就业'],
  ['ASSISTANCE', 'COMPLEX', '独居老人申请低保，需要帮办材料'],
];

/** The steps that lead from SUBMITTED to each status, using the lead (L) and a helper (H). */
const PATHS: Record<Status, Step[]> = {
  SUBMITTED: [],
  DISPATCHED: ['DISPATCH'],
  ACCEPTED: ['DISPATCH', 'ACCEPT_LEAD'],
  IN_PROGRESS: ['DISPATCH', 'ACCEPT_LEAD', 'ACCEPT_HELPER', 'START'],
  RESOLVED: ['DISPATCH', 'ACCEPT_LEAD', 'START', 'RESOLVE_TASK', 'RESOLVE'],
  VERIFIED: ['DISPATCH', 'ACCEPT_LEAD', 'START', 'RESOLVE_TASK', 'RESOLVE', 'VERIFY'],
  RATED: ['DISPATCH', 'ACCEPT_LEAD', 'START', 'RESOLVE_TASK', 'RESOLVE', 'VERIFY', 'RATE'],
  CLOSED: ['DISPATCH', 'ACCEPT_LEAD', 'START', 'RESOLVE_TASK', 'RESOLVE', 'VERIFY', 'RATE', 'CLOSE'],
  RETURNED: ['DISPATCH', 'RETURN'],
  TRANSFERRED: ['DISPATCH', 'TRANSFER'],
  DEFERRAL_REQUESTED: ['DISPATCH', 'ACCEPT_LEAD', 'START', 'REQUEST_DEFERRAL'],
  DEFERRED: ['DISPATCH', 'ACCEPT_LEAD', 'START', 'REQUEST_DEFERRAL', 'APPROVE_DEFERRAL'],
  REWORK: ['DISPATCH', 'ACCEPT_LEAD', 'START', 'RESOLVE_TASK', 'RESOLVE', 'VERIFY', 'RATE_POOR'],
  DUPLICATE: ['MARK_DUPLICATE'],
};

/** Replays `path` on a fresh case, as the mutations would (one event per step, version +1 each). */
function replay(c: JointCaseDoc, path: Step[], lead: ResponseUnitDoc, helper: ResponseUnitDoc, other: ResponseUnitDoc, n: number) {
  let at = c.submittedAt.getTime();
  for (const step of path) {
    at += HOUR * (1 + (n % 3));
    const now = new Date(at);
    const from = c.status;
    const to = transition(step, from);
    const mark = (unitId: string, change: Partial<CaseTask>) => {
      c.tasks = c.tasks.map((t) => (t.unitId === unitId && t.status !== 'WITHDRAWN' ? { ...t, ...change } : t));
    };
    if (step === 'DISPATCH') {
      c.tasks = [newTask(lead, 'LEAD', now), newTask(helper, 'HELPER', now)];
      c.m.dispatched = 1;
    }
    if (step === 'ACCEPT_LEAD') {
      mark(lead._id, { status: 'ACCEPTED', acceptedAt: now });
      c.m.responded = 1;
    }
    if (step === 'ACCEPT_HELPER') mark(helper._id, { status: 'ACCEPTED', acceptedAt: now });
    if (step === 'RETURN') mark(lead._id, { status: 'RETURNED', note: '不属于本单位职责' });
    if (step === 'TRANSFER') {
      mark(lead._id, { status: 'WITHDRAWN' });
      c.tasks.push(newTask(other, 'LEAD', now));
    }
    if (step === 'RESOLVE_TASK') mark(lead._id, { status: 'RESOLVED', resolvedAt: now, resolved: 1, onTime: now <= c.dueAt ? 1 : 0 });
    if (step === 'RESOLVE') {
      c.resolvedAt = now;
      c.m.handled = 1;
      c.m.onTime = now <= c.dueAt ? 1 : 0;
      c.m.late = 1 - c.m.onTime;
    }
    if (step === 'VERIFY') Object.assign(c.m, { resolved: 1, inCommunity: 1, inGrid: 0 });
    if (step === 'RATE' || step === 'RATE_POOR') {
      const score = step === 'RATE' ? 4 + (n % 2) : 2;
      c.rating = { score, comment: null, at: now };
      Object.assign(c.m, { rated: 1, satisfied: step === 'RATE' ? 1 : 0 });
      if (step === 'RATE_POOR') {
        c.m.reworked = 1;
        mark(lead._id, { status: 'ACCEPTED', resolvedAt: null, resolved: 0, onTime: 0 });
      }
    }
    if (step === 'CLOSE') c.closedAt = now;
    if (step === 'REQUEST_DEFERRAL') c.deferral = { reason: '需列入明年老旧小区改造计划', requestedAt: now };
    if (step === 'APPROVE_DEFERRAL') c.deferral = { ...c.deferral, decidedAt: now, approved: true };
    const unitId = step === 'ACCEPT_HELPER' ? helper._id : step === 'TRANSFER' ? other._id : ['DISPATCH', 'ACCEPT_LEAD', 'RETURN', 'RESOLVE_TASK'].includes(step) ? lead._id : null;
    const event: CaseEvent = { at: now, by: null, role: null, step, from, to, unitId, note: null };
    c.history.push(event);
    c.status = to;
    c.version += 1;
  }
}

export const extendJointCases: ExtendWorld = (world, scale) => {
  faker.seed(20261204);
  const civil = world['civil-affairs']!;
  const communityId = civil.Community![0]!._id;
  const propertyUnits = (world.property?.PropertyCompany ?? []).map((company, i): ResponseUnitDoc => ({
    _id: stableId('response-unit', `property:${company._id}`),
    name: company.name as string,
    kind: 'PROPERTY',
    department: `property:${i + 1}`,
    communityId,
    categories: ['PROPERTY_SERVICE', 'WATER'],
    propertyCompanyId: company._id,
  }));
  const units: ResponseUnitDoc[] = [
    ...ROSTER.map((u) => ({
      _id: stableId('response-unit', u.key),
      name: u.key === 'community' ? `${civil.Community![0]!.name}${u.name}` : u.name,
      kind: u.kind,
      department: u.key,
      communityId,
      categories: u.categories,
    })),
    ...propertyUnits,
  ];
  const byCategory = (category: Category) => units.find((u) => u.kind !== 'COMMUNITY' && u.categories.includes(category)) ?? units[0]!;
  const units_ = world.property?.Unit ?? [];
  const buildings = world.property?.Building ?? [];
  const heads = civil.Resident!.filter((r) => r.relationToHead === '户主');
  const cases: SeedDoc[] = [];
  const count = scale.grids * 3;
  for (let n = 0; n < count; n++) {
    const status = STATUSES[n % STATUSES.length]!;
    const reporter = heads[(n * 7) % heads.length]!;
    const household = civil.Household!.find((h) => h._id === reporter.householdId)!;
    const dwelling = units_.find((u) => u._id === household.unitId)!;
    const building = buildings.find((b) => b._id === dwelling.buildingId)!;
    const [category, urgency, description] = PROBLEMS[n % PROBLEMS.length]!;
    const submittedAt = new Date(BASE + n * 7 * HOUR + faker.number.int({ min: 0, max: 59 }) * 60_000);
    const lead = byCategory(category);
    const helper = units.find((u) => u.kind === 'LAW_ENFORCEMENT' && u !== lead) ?? units[0]!;
    const other = units.find((u) => u.kind === 'COMMUNITY')!;
    const c: JointCaseDoc = {
      _id: stableId('joint-case', scale.name, n),
      reporterId: reporter._id,
      unitId: dwelling._id,
      buildingId: building._id,
      gridId: building.gridId as string,
      communityId,
      category,
      urgency,
      description,
      firstReceiverUnitId: lead._id,
      status: 'SUBMITTED',
      version: 1,
      submittedAt,
      dueAt: dueAt(category, urgency, submittedAt, {}),
      resolvedAt: null,
      closedAt: null,
      duplicateOfId: status === 'DUPLICATE' && cases[0] ? cases[0]._id : null,
      deferral: null,
      rating: null,
      tasks: [],
      history: [{ at: submittedAt, by: null, role: null, step: 'SUBMIT', from: null, to: 'SUBMITTED', unitId: null, note: null }],
      whistles: [],
      whistleCalls: [],
      inquiries: [],
      appliedKeys: [],
      m: emptyFlags(),
    };
    replay(c, PATHS[status], lead, helper, other, n);
    cases.push(c as unknown as SeedDoc);
  }
  return { ResponseUnit: units as unknown as SeedDoc[], JointCase: cases };
};
