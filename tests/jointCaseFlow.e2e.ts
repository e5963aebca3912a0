import { stableId, type World } from '@cg/kit';
import { buildWorld, startStack, type Stack } from '@cg/kit/testing';
import { allowedBy, caseClient, GRID_WORKER, LAW, POWER, PROPERTY, reporterOf, resident, SECRETARY, UNITS, WATER } from './support/jointCase';

// The joint-response lifecycle through the gateway, as each identity (a token minted for it, tests/support/jointCase.ts).
let stack: Stack;
let world: World;
let api: ReturnType<typeof caseClient>;
let who: ReturnType<typeof reporterOf>;
let reporter: ReturnType<typeof resident>;

beforeAll(async () => {
  world = await buildWorld('small');
  stack = await startStack();
  api = caseClient(stack);
  who = reporterOf(world);
  reporter = resident(who.residentId);
}, 120_000);
afterAll(() => stack.stop());

const newCase = (extra: Record<string, unknown> = {}) =>
  api.submit(reporter, { reporterId: who.residentId, unitId: who.unitId, category: 'WATER', description: '楼道水管漏水', firstReceiverUnitId: UNITS.property, ...extra });
const codeOf = (errors: any[] | undefined) => errors?.[0]?.extensions?.code;

test('full happy path: 点单 → 派单 → 接单 → 办单 → 回单 → 审定 → 评单 → 办结, one event per step', async () => {
  let c = await newCase();
  expect(c).toMatchObject({ status: 'SUBMITTED', version: 1, category: 'WATER', urgency: 'NORMAL' });
  expect(new Date(c.dueAt).getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000); // utilities: 24 h
  // No lead named: the unit that received it first leads (首接负责).
  c = await api.ok(GRID_WORKER, 'dispatchJointCase', c, { helperUnitIds: [UNITS.law] });
  expect(c.leadUnit.id).toBe(UNITS.property);
  expect(c.helperUnits.map((u: { id: string }) => u.id)).toEqual([UNITS.law]);
  c = await api.ok(LAW, 'acceptJointCaseTask', c, { unitId: UNITS.law });
  expect(c.status).toBe('DISPATCHED'); // a helper's acceptance leaves the case where it is
  c = await api.ok(PROPERTY, 'acceptJointCaseTask', c, { unitId: UNITS.property });
  expect(c.status).toBe('ACCEPTED');
  c = await api.ok(PROPERTY, 'startJointCase', c, { note: '已派维修工' });
  c = await api.ok(LAW, 'resolveJointCaseTask', c, { unitId: UNITS.law });
  c = await api.ok(PROPERTY, 'resolveJointCaseTask', c, { unitId: UNITS.property, note: '更换阀门' });
  c = await api.ok(PROPERTY, 'resolveJointCase', c, { note: '漏水已修复' });
  c = await api.ok(SECRETARY, 'verifyJointCase', c);
  c = await api.ok(reporter, 'rateJointCase', c, { score: 5, comment: '很满意' });
  c = await api.ok(GRID_WORKER, 'closeJointCase', c);
  expect(c.status).toBe('CLOSED');
  expect(c.version).toBe(11);
  expect(c.rating.score).toBe(5);
  expect(c.tasks.map((t) => [t.role, t.status, t.onTime])).toEqual([
    ['LEAD', 'RESOLVED', true],
    ['HELPER', 'RESOLVED', true],
  ]);
  expect(c.history.map((e) => `${e.step}:${e.from ?? ''}>${e.to}`)).toEqual([
    'SUBMIT:>SUBMITTED',
    'DISPATCH:SUBMITTED>DISPATCHED',
    'ACCEPT_HELPER:DISPATCHED>DISPATCHED',
    'ACCEPT_LEAD:DISPATCHED>ACCEPTED',
    'START:ACCEPTED>IN_PROGRESS',
    'RESOLVE_TASK:IN_PROGRESS>IN_PROGRESS',
    'RESOLVE_TASK:IN_PROGRESS>IN_PROGRESS',
    'RESOLVE:IN_PROGRESS>RESOLVED',
    'VERIFY:RESOLVED>VERIFIED',
    'RATE:VERIFIED>RATED',
    'CLOSE:RATED>CLOSED',
  ]);
  expect(c.history.map((e) => e.by)).toEqual([
    who.residentId,
    'grid-worker-1',
    'law-clerk-1',
    'property-staff-1',
    'property-staff-1',
    'law-clerk-1',
    'property-staff-1',
    'property-staff-1',
    'secretary-1',
    who.residentId,
    'grid-worker-1',
  ]);

  // A closed case admits no step at all, and none of them changes it.
  const attempts: Array<[string, Record<string, unknown>]> = [
    ['dispatchJointCase', { leadUnitId: UNITS.law }],
    ['acceptJointCaseTask', { unitId: UNITS.property }],
    ['startJointCase', {}],
    ['resolveJointCase', { note: 'x' }],
    ['verifyJointCase', {}],
    ['rateJointCase', { score: 4 }],
    ['closeJointCase', {}],
    ['returnJointCase', { reason: 'x' }],
    ['transferJointCase', { leadUnitId: UNITS.law, reason: 'x' }],
    ['requestJointCaseDeferral', { reason: 'x' }],
    ['approveJointCaseDeferral', {}],
    ['resumeJointCase', {}],
    ['sendBackJointCase', { note: 'x' }],
    ['blowWhistle', { unitIds: [UNITS.law] }],
    ['inquireJointCase', { note: 'x' }],
    ['markJointCaseDuplicate', { duplicateOfId: stableId('joint-case', 'small', 0) }],
  ];
  for (const [name, args] of attempts) {
    const { kase, errors } = await api.step(allowedBy(name, who.residentId), name, c, args);
    expect([name, kase, codeOf(errors)]).toEqual([name, null, 'BAD_USER_INPUT']);
    expect(errors![0].extensions.reason).toBe('ILLEGAL_TRANSITION');
  }
  expect(await api.get(c.id)).toEqual(c);
});

test('every step a SUBMITTED case does not allow is rejected and changes nothing', async () => {
  const c = await newCase();
  const attempts: Array<[string, Record<string, unknown>]> = [
    ['startJointCase', {}],
    ['resolveJointCase', { note: 'x' }],
    ['verifyJointCase', {}],
    ['sendBackJointCase', { note: 'x' }],
    ['rateJointCase', { score: 5 }],
    ['closeJointCase', {}],
    ['returnJointCase', { reason: 'x' }],
    ['transferJointCase', { leadUnitId: UNITS.law, reason: 'x' }],
    ['requestJointCaseDeferral', { reason: 'x' }],
    ['approveJointCaseDeferral', {}],
    ['rejectJointCaseDeferral', {}],
    ['resumeJointCase', {}],
    ['blowWhistle', { unitIds: [UNITS.law] }],
    ['acceptJointCaseTask', { unitId: UNITS.property }],
    ['resolveJointCaseTask', { unitId: UNITS.property }],
    ['reportToWhistle', { unitId: UNITS.law }],
  ];
  for (const [name, args] of attempts) {
    const { kase, errors } = await api.step(allowedBy(name, who.residentId), name, c, args);
    expect([name, kase, codeOf(errors), errors?.[0]?.extensions?.reason]).toEqual([name, null, 'BAD_USER_INPUT', 'ILLEGAL_TRANSITION']);
  }
  expect(await api.get(c.id)).toEqual(c);
});

test('side paths: 退单, re-dispatch, 转单, 挂账 (approval), 返工 by the community and by a poor rating, 重复件', async () => {
  let c = await newCase({ category: 'PUBLIC_ORDER' });
  c = await api.ok(GRID_WORKER, 'dispatchJointCase', c);
  c = await api.ok(PROPERTY, 'returnJointCase', c, { reason: '不属于物业职责' });
  expect(c.status).toBe('RETURNED');
  // The community reassigns away from the first receiver; the event says so.
  c = await api.ok(GRID_WORKER, 'dispatchJointCase', c, { leadUnitId: UNITS.law, helperUnitIds: [UNITS.property] });
  expect(c.history.at(-1)!.note).toContain('首接');
  c = await api.ok(GRID_WORKER, 'transferJointCase', c, { leadUnitId: UNITS.property, reason: '涉及物业管理' });
  expect(c).toMatchObject({ status: 'TRANSFERRED', leadUnit: { id: UNITS.property }, helperUnits: [] });
  expect((await api.step(LAW, 'acceptJointCaseTask', c, { unitId: UNITS.law })).errors?.[0]?.extensions?.reason).toBe('NO_TASK');
  c = await api.ok(PROPERTY, 'acceptJointCaseTask', c, { unitId: UNITS.property });
  c = await api.ok(PROPERTY, 'startJointCase', c);
  c = await api.ok(PROPERTY, 'requestJointCaseDeferral', c, { reason: '需纳入改造计划' });
  expect(codeOf((await api.step(GRID_WORKER, 'approveJointCaseDeferral', c)).errors)).toBe('FORBIDDEN');
  c = await api.ok(SECRETARY, 'rejectJointCaseDeferral', c, { note: '先行处置' });
  expect(c).toMatchObject({ status: 'IN_PROGRESS', deferral: { reason: '需纳入改造计划', approved: false } });
  c = await api.ok(PROPERTY, 'requestJointCaseDeferral', c, { reason: '资金未到位' });
  c = await api.ok(SECRETARY, 'approveJointCaseDeferral', c);
  expect(c.status).toBe('DEFERRED');
  c = await api.ok(PROPERTY, 'resumeJointCase', c);
  c = await api.ok(PROPERTY, 'resolveJointCaseTask', c, { unitId: UNITS.property });
  c = await api.ok(PROPERTY, 'resolveJointCase', c, { note: '已整治' });
  c = await api.ok(GRID_WORKER, 'sendBackJointCase', c, { note: '现场仍有车辆' });
  expect(c.status).toBe('REWORK');
  const lead = c.tasks.filter((t) => t.role === 'LEAD' && !['RETURNED', 'WITHDRAWN'].includes(t.status));
  expect(lead.map((t) => [t.unit.id, t.status])).toEqual([[UNITS.property, 'ACCEPTED']]); // the lead must resolve again
  c = await api.ok(PROPERTY, 'startJointCase', c);
  c = await api.ok(PROPERTY, 'resolveJointCaseTask', c, { unitId: UNITS.property });
  c = await api.ok(PROPERTY, 'resolveJointCase', c, { note: '再次整治' });
  c = await api.ok(GRID_WORKER, 'verifyJointCase', c);
  // Only the reporter rates; 2 or lower reopens the case.
  expect(codeOf((await api.step(resident(stableId('resident', 'YHM0101001', 0)), 'rateJointCase', c, { score: 1 })).errors)).toBe('FORBIDDEN');
  expect(codeOf((await api.step(reporter, 'rateJointCase', c, { score: 6 })).errors)).toBe('BAD_USER_INPUT');
  c = await api.ok(reporter, 'rateJointCase', c, { score: 2, comment: '问题反复' });
  expect(c).toMatchObject({ status: 'REWORK', rating: { score: 2 } });
  expect(c.history.at(-1)).toMatchObject({ step: 'RATE_POOR', from: 'VERIFIED', to: 'REWORK' });

  const twin = await newCase({ category: 'PUBLIC_ORDER' });
  const dup = await api.ok(GRID_WORKER, 'markJointCaseDuplicate', twin, { duplicateOfId: c.id });
  expect(dup.status).toBe('DUPLICATE');
  const { data } = await api.as(SECRETARY, `{ jointCase(id: "${dup.id}") { duplicateOf { id } } }`);
  expect(data.jointCase.duplicateOf.id).toBe(c.id);
});

test("the case cannot be verified while the lead unit's task is open", async () => {
  let c = await newCase({ category: 'POWER' });
  c = await api.ok(GRID_WORKER, 'dispatchJointCase', c, { leadUnitId: UNITS.power });
  c = await api.ok(POWER, 'acceptJointCaseTask', c, { unitId: UNITS.power });
  c = await api.ok(POWER, 'startJointCase', c);
  c = await api.ok(GRID_WORKER, 'resolveJointCase', c, { note: '网格员现场确认已来电' }); // 回单 by the community
  const refused = await api.step(SECRETARY, 'verifyJointCase', c);
  expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'LEAD_TASK_OPEN' });
  expect(await api.get(c.id)).toEqual(c);
  c = await api.ok(POWER, 'resolveJointCaseTask', c, { unitId: UNITS.power });
  c = await api.ok(SECRETARY, 'verifyJointCase', c);
  expect(c.status).toBe('VERIFIED');
});

test('a stale version is a CONFLICT and changes nothing', async () => {
  const c = await newCase();
  const next = await api.ok(GRID_WORKER, 'dispatchJointCase', c);
  const stale = await api.step(PROPERTY, 'acceptJointCaseTask', { id: c.id, version: c.version }, { unitId: UNITS.property });
  expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2, status: 'DISPATCHED' });
  expect(await api.get(c.id)).toEqual(next);
});

test('a retried step with the same idempotency key returns the case without a second event', async () => {
  let c = await newCase({ idempotencyKey: 'submit-retry-0001' });
  const again = await newCase({ idempotencyKey: 'submit-retry-0001' });
  expect(again.id).toBe(c.id);
  c = await api.ok(GRID_WORKER, 'dispatchJointCase', c, { idempotencyKey: 'dispatch-0001' });
  const first = await api.ok(PROPERTY, 'acceptJointCaseTask', c, { unitId: UNITS.property, idempotencyKey: 'accept-0001' });
  // The retry carries the version the caller saw before its first attempt.
  const retry = await api.ok(PROPERTY, 'acceptJointCaseTask', c, { unitId: UNITS.property, idempotencyKey: 'accept-0001' });
  expect(retry).toEqual(first);
  expect(first.history.filter((e) => e.step === 'ACCEPT_LEAD')).toHaveLength(1);
  const reused = await api.step(PROPERTY, 'startJointCase', first, { idempotencyKey: 'accept-0001' });
  expect(codeOf(reused.errors)).toBe('CONFLICT');
  expect(await api.get(c.id)).toEqual(first);
});

test('two concurrent accepts of one task: exactly one wins, one event', async () => {
  let c = await newCase();
  c = await api.ok(GRID_WORKER, 'dispatchJointCase', c, { helperUnitIds: [UNITS.law] });
  const results = await Promise.all([1, 2, 3, 4].map(() => api.step(LAW, 'acceptJointCaseTask', c, { unitId: UNITS.law })));
  expect(results.filter((r) => r.kase).length).toBe(1);
  expect(results.filter((r) => codeOf(r.errors) === 'CONFLICT').length).toBe(3);
  const now = await api.get(c.id);
  expect(now.version).toBe(c.version + 1);
  expect(now.history.filter((e) => e.step === 'ACCEPT_HELPER')).toHaveLength(1);
});

test('whistle 吹哨 and report 报到: a deadline that passes shows as late; the community rates those who reported', async () => {
  let c = await newCase({ category: 'WATER' });
  c = await api.ok(GRID_WORKER, 'dispatchJointCase', c);
  process.env.CG_WHISTLE_REPORT_MINUTES = '0.02'; // 1.2 s, read when the whistle is blown
  try {
    c = await api.ok(GRID_WORKER, 'blowWhistle', c, { unitIds: [UNITS.law, UNITS.water, UNITS.power], note: '多部门联合处置' });
  } finally {
    delete process.env.CG_WHISTLE_REPORT_MINUTES;
  }
  expect(codeOf((await api.step(WATER, 'reportToWhistle', c, { unitId: UNITS.law })).errors)).toBe('FORBIDDEN');
  c = await api.ok(LAW, 'reportToWhistle', c, { unitId: UNITS.law });
  await new Promise((r) => setTimeout(r, 1500));
  c = await api.ok(WATER, 'reportToWhistle', c, { unitId: UNITS.water });
  const calls = Object.fromEntries(c.whistles[0].calls.map((k: any) => [k.unit.id, k]));
  expect([calls[UNITS.law].late, calls[UNITS.water].late, calls[UNITS.power].late]).toEqual([false, true, true]);
  expect(calls[UNITS.power].reportedAt).toBeNull();
  expect(codeOf((await api.step(GRID_WORKER, 'rateReportingUnit', c, { unitId: UNITS.power, score: 3 })).errors)).toBe('BAD_USER_INPUT');
  c = await api.ok(GRID_WORKER, 'rateReportingUnit', c, { unitId: UNITS.law, score: 5 });
  c = await api.ok(GRID_WORKER, 'rateReportingUnit', c, { unitId: UNITS.water, score: 3 });
  expect(c.whistles[0].calls.map((k: any) => k.rating)).toEqual([5, 3, null]);
  c = await api.ok(SECRETARY, 'inquireJointCase', c, { note: '书记问单: 何时恢复供水?' });
  expect(c.inquiries).toEqual([{ note: '书记问单: 何时恢复供水?', by: 'secretary-1' }]);
  expect(codeOf((await api.step(GRID_WORKER, 'inquireJointCase', c, { note: 'x' })).errors)).toBe('FORBIDDEN');
});

test('submission checks every reference before writing', async () => {
  const base = { reporterId: who.residentId, unitId: who.unitId, category: 'OTHER', description: 'x' };
  const attempt = async (input: Record<string, unknown>) =>
    (await api.as(GRID_WORKER, 'mutation($i: SubmitJointCaseInput!) { submitJointCase(input: $i) { id } }', { i: input })).errors?.[0]?.extensions;
  expect(await attempt({ ...base, reporterId: '0'.repeat(24) })).toMatchObject({ code: 'NOT_FOUND', field: 'reporterId' });
  expect(await attempt({ ...base, unitId: '0'.repeat(24) })).toMatchObject({ code: 'NOT_FOUND', field: 'unitId' });
  expect(await attempt({ ...base, buildingId: '0'.repeat(24) })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitId' });
  expect(await attempt({ ...base, description: '   ' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'description' });
  expect(await attempt({ ...base, firstReceiverUnitId: '0'.repeat(24) })).toMatchObject({ code: 'NOT_FOUND', field: 'firstReceiverUnitId' });
  const { data } = await api.as(SECRETARY, `{ jointCases(filter: { reporterId: "${who.residentId}", category: OTHER }) { totalCount } }`);
  expect(data.jointCases.totalCount).toBe(0);
});
