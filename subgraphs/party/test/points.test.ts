import type { Connection } from 'mongoose';
import { stableId, trusted } from '@cg/kit';
import { connectTestDatabase } from '@cg/kit/testing';
import { createModels, type Models } from '../src/models';
import { creditPoints, evaluateMonth, judge, monthlyPoints, POINT_RULE, windowMonths } from '../src/points';

// The JH rule against the real database: hand-worked ledgers, evaluated twice, credited twice.
let connection: Connection;
let models: Models;
const member = (name: string) => stableId('points-test-member', name);
const steady = member('steady'); // 85, 90, 80 → bonus in month 3
const slack = member('slack'); // 50, 59, 0 (nothing in the last month) → penalty
const mixed = member('mixed'); // 85, 59, 90 → neither
const edge = member('edge'); // 80, 80, 79 → neither: 79 misses the bonus, none is below 60
const newcomer = member('newcomer'); // joined inside the window → not judged

beforeAll(async () => {
  connection = await connectTestDatabase('party_points_unit');
  models = createModels(connection);
  await Promise.all(Object.values(models).map((m) => m.init()));
  const org = stableId('points-test-org');
  await models.PartyMember.insertMany([
    ...[steady, slack, mixed, edge].map((_id, i) => ({ _id, residentId: stableId('r', i), category: 'IN_SERVICE', organizationId: org, joinedOn: '2010-07-01' })),
    { _id: newcomer, residentId: stableId('r', 9), category: 'RESIDENT', organizationId: org, joinedOn: '2026-02-10' },
  ]);
  const ledger: Array<[string, string, number]> = [
    [steady, '2026-01', 50],
    [steady, '2026-01', 35],
    [steady, '2026-02', 90],
    [steady, '2026-03', 80],
    [slack, '2026-01', 50],
    [slack, '2026-02', 59],
    [mixed, '2026-01', 85],
    [mixed, '2026-02', 59],
    [mixed, '2026-03', 90],
    [edge, '2026-01', 80],
    [edge, '2026-02', 80],
    [edge, '2026-03', 80],
    [edge, '2026-03', -1],
    [newcomer, '2026-02', 10],
    [newcomer, '2026-03', 10],
  ];
  for (const [i, [memberId, month, points]] of ledger.entries()) {
    await creditPoints(models, { memberId, month, points, reason: 'test', sourceType: 'MANUAL', sourceId: `ledger-${i}` });
  }
});
afterAll(async () => {
  await connection.dropDatabase();
  await connection.close();
});

test('judge: every month ≥ 80 is a bonus, every month < 60 a penalty, anything else neither', () => {
  expect(judge([80, 80, 80])).toBe('BONUS');
  expect(judge([80, 80, 79])).toBeNull();
  expect(judge([59, 0, 59])).toBe('PENALTY');
  expect(judge([59, 60, 0])).toBeNull();
  expect(judge([90, 90])).toBeNull(); // fewer months than the window
  expect(windowMonths('2026-02')).toEqual(['2025-12', '2026-01', '2026-02']);
});

test('evaluating a month writes the hand-worked bonus and penalty, and a second run changes nothing', async () => {
  const first = await evaluateMonth(models, '2026-03');
  expect(first).toEqual({ month: '2026-03', membersEvaluated: 4, bonuses: 1, penalties: 1, written: 2, removed: 0 });
  const rule = await models.PointEntry.find({ month: '2026-03', sourceType: trusted({ $in: ['RULE_BONUS', 'RULE_PENALTY'] }) })
    .sort({ points: -1 })
    .lean();
  expect(rule.map((e) => [e.memberId, e.sourceType, e.points])).toEqual([
    [steady, 'RULE_BONUS', POINT_RULE.bonus],
    [slack, 'RULE_PENALTY', POINT_RULE.penalty],
  ]);
  const before = await models.PointEntry.find().sort({ _id: 1 }).lean();
  const second = await evaluateMonth(models, '2026-03');
  expect(second).toEqual({ ...first, written: 0 });
  expect(await models.PointEntry.find().sort({ _id: 1 }).lean()).toEqual(before);
});

test('the rule entry follows the ledger: a later deduction takes the bonus away on re-evaluation', async () => {
  await creditPoints(models, { memberId: steady, month: '2026-02', points: -20, reason: '超期未办结', sourceType: 'MANUAL', sourceId: 'late-fix' });
  const again = await evaluateMonth(models, '2026-03');
  expect(again).toMatchObject({ bonuses: 0, penalties: 1, written: 0, removed: 1 });
  const [march] = await monthlyPoints(models, [steady], '2026-03', '2026-03');
  expect(march).toEqual([{ month: '2026-03', earned: 80, ruleAdjustment: 0, total: 80 }]);
});

test('monthly totals keep earned points and the rule adjustment apart', async () => {
  const [months] = await monthlyPoints(models, [slack], '2026-01', '2026-04');
  expect(months).toEqual([
    { month: '2026-01', earned: 50, ruleAdjustment: 0, total: 50 },
    { month: '2026-02', earned: 59, ruleAdjustment: 0, total: 59 },
    { month: '2026-03', earned: 0, ruleAdjustment: POINT_RULE.penalty, total: POINT_RULE.penalty },
    { month: '2026-04', earned: 0, ruleAdjustment: 0, total: 0 },
  ]);
});

test('creditPoints credits a source once: a repeat returns the first entry, different points are a CONFLICT', async () => {
  const source = { memberId: mixed, month: '2026-04', points: 15, reason: '一呼联动协助办结', sourceType: 'JOINT_CASE' as const, sourceId: stableId('case', 1) };
  const first = await creditPoints(models, source);
  const repeat = await creditPoints(models, source);
  expect(first.created).toBe(true);
  expect(repeat).toEqual({ entry: first.entry, created: false });
  expect(await models.PointEntry.countDocuments({ sourceId: source.sourceId })).toBe(1);
  // The same case credits another member separately.
  expect((await creditPoints(models, { ...source, memberId: steady })).created).toBe(true);
  await expect(creditPoints(models, { ...source, points: 20 })).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
});

test('creditPoints refuses bad arguments and unknown members, writing nothing', async () => {
  const count = await models.PointEntry.countDocuments();
  const base = { memberId: mixed, month: '2026-04', points: 5, reason: 'x', sourceType: 'MANUAL' as string, sourceId: 'bad-args' };
  const cases: Array<[Partial<typeof base> & Record<string, unknown>, string, string]> = [
    [{ points: 0 }, 'BAD_USER_INPUT', 'points'],
    [{ points: 2.5 }, 'BAD_USER_INPUT', 'points'],
    [{ points: 101 }, 'BAD_USER_INPUT', 'points'],
    [{ month: '2026-13' }, 'BAD_USER_INPUT', 'month'],
    [{ reason: '  ' }, 'BAD_USER_INPUT', 'reason'],
    [{ sourceType: 'RULE_BONUS' }, 'BAD_USER_INPUT', 'sourceType'],
    [{ memberId: stableId('nobody') }, 'NOT_FOUND', 'memberId'],
  ];
  for (const [change, code, field] of cases) {
    await expect(creditPoints(models, { ...base, ...change } as any)).rejects.toMatchObject({ extensions: { code, field } });
  }
  expect(await models.PointEntry.countDocuments()).toBe(count);
});
