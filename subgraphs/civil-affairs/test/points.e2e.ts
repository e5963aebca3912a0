import type { World } from '@cg/kit';
import { buildWorld, expectError, snapshot, type Stack, startStack } from '@cg/kit/testing';

// Civility points (文明积分): never below zero under concurrent spends; retries never count twice.
let stack: Stack;
let world: World;
beforeAll(async () => {
  world = await buildWorld('small');
  // 20 writers racing for one ledger, each retrying after losing a sequence number, on the test database (FerretDB on
  // SQLite, one write at a time) on a shared machine: measured 2.4–2.9 s for the slowest spends, over the gateway's
  // production budget of 2.5 s per department. Its SUBGRAPH_TIMEOUT would hide a spend that did count, and the
  // breaker it trips would answer the next tests SUBGRAPH_UNAVAILABLE. Timeouts are tests/reliability's subject, not this file's.
  process.env.CIVIL_AFFAIRS_TIMEOUT_MS = '20000';
  stack = await startStack();
}, 120_000);
afterAll(() => stack.stop());

const EARN = `mutation($input: EarnCivilityPointsInput!) { earnCivilityPoints(input: $input) { id kind points balanceAfter } }`;
const SPEND = `mutation($input: SpendCivilityPointsInput!) { spendCivilityPoints(input: $input) { id kind points balanceAfter spentAt } }`;
const ACCOUNT = `query($id: ID!) { civilityPointsAccount(residentId: $id) { balance earnedTotal spentTotal entries(first: 100) { totalCount edges { node { kind points } } } } }`;

/** A resident the seed gave no points account. */
function residentWithoutPoints(skip = 0): string {
  const holders = new Set(world['civil-affairs']!.CivilityPointsAccount!.map((a) => a.residentId));
  return world['civil-affairs']!.Resident!.filter((r) => !holders.has(r._id))[skip]!._id;
}

test('20 concurrent spends against a balance covering 3 of them: 3 succeed, 17 get CONFLICT, balance = earned − spent ≥ 0', async () => {
  const residentId = residentWithoutPoints(0);
  for (const [i, points] of [4, 3, 3].entries()) {
    const earned = await stack.query(EARN, { input: { residentId, activity: '志愿服务', points, idempotencyKey: `earn-concurrent-${i}` } });
    expect(earned.errors).toBeUndefined();
  }
  const results = await Promise.all(Array.from({ length: 20 }, (_, i) => stack.query(SPEND, { input: { residentId, points: 3, idempotencyKey: `spend-concurrent-${i}` } })));
  const ok = results.filter((r) => !r.errors);
  const refused = results.filter((r) => r.errors);
  expect(ok).toHaveLength(3);
  for (const r of refused) expect(r.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INSUFFICIENT_POINTS' });
  expect(ok.every((r) => r.data.spendCivilityPoints.spentAt === '合约食堂')).toBe(true);
  expect(new Set(ok.map((r) => r.data.spendCivilityPoints.balanceAfter))).toEqual(new Set([7, 4, 1]));

  const { data } = await stack.query(ACCOUNT, { id: residentId });
  const account = data.civilityPointsAccount;
  expect(account.balance).toBe(10 - 3 * 3);
  expect(account.balance).toBeGreaterThanOrEqual(0);
  expect([account.earnedTotal, account.spentTotal]).toEqual([10, 9]);
  // The ledger holds exactly the entries that counted, and sums to the balance.
  expect(account.entries.totalCount).toBe(3 + 3);
  const sum = account.entries.edges.reduce((acc: number, { node }: any) => acc + (node.kind === 'EARN' ? node.points : -node.points), 0);
  expect(sum).toBe(account.balance);
});

test('a retried earn or spend counts once, even when the retries race; a reused key with other input is CONFLICT', async () => {
  const residentId = residentWithoutPoints(1);
  const earn = { residentId, activity: '环境整治', points: 5, idempotencyKey: 'earn-retry-0001' };
  const earns = await Promise.all(Array.from({ length: 5 }, () => stack.query(EARN, { input: earn })));
  expect(earns.every((r) => !r.errors)).toBe(true);
  expect(new Set(earns.map((r) => r.data.earnCivilityPoints.id)).size).toBe(1);
  const spend = { residentId, points: 2, idempotencyKey: 'spend-retry-0001' };
  const first = await stack.query(SPEND, { input: spend });
  const again = await stack.query(SPEND, { input: spend });
  expect(again.data.spendCivilityPoints).toEqual(first.data.spendCivilityPoints);
  expect((await stack.query(ACCOUNT, { id: residentId })).data.civilityPointsAccount).toMatchObject({ balance: 3, earnedTotal: 5, spentTotal: 2 });
  expectError(await stack.query(EARN, { input: { ...earn, points: 6 } }), 'CONFLICT', 'idempotencyKey');

  // A refused spend recorded nothing: retried after more points arrived, it counts, and only once.
  const big = { residentId, points: 50, idempotencyKey: 'spend-too-much-01' };
  expectError(await stack.query(SPEND, { input: big }), 'CONFLICT', 'points');
  await stack.query(EARN, { input: { residentId, activity: '邻里互助', points: 100, idempotencyKey: 'earn-topup-0001' } });
  expect((await stack.query(SPEND, { input: big })).data.spendCivilityPoints.balanceAfter).toBe(53);
  expect((await stack.query(SPEND, { input: big })).data.spendCivilityPoints.balanceAfter).toBe(53);
  expect((await stack.query(ACCOUNT, { id: residentId })).data.civilityPointsAccount).toMatchObject({ balance: 53, earnedTotal: 105, spentTotal: 52 });
});

test('bad points input is a typed error and changes nothing', async () => {
  const residentId = residentWithoutPoints(2);
  const before = await snapshot(stack, ['civil-affairs']);
  const cases: Array<[string, Record<string, unknown>, string, string]> = [
    [EARN, { residentId, activity: '志愿服务', points: 0, idempotencyKey: 'bad-points-0001' }, 'BAD_USER_INPUT', 'points'],
    [EARN, { residentId, activity: '志愿服务', points: 101, idempotencyKey: 'bad-points-0002' }, 'BAD_USER_INPUT', 'points'],
    [EARN, { residentId, activity: ' ', idempotencyKey: 'bad-points-0003' }, 'BAD_USER_INPUT', 'activity'],
    [EARN, { residentId, activity: '志愿服务', idempotencyKey: 'short' }, 'BAD_USER_INPUT', 'idempotencyKey'],
    [EARN, { residentId: '0'.repeat(24), activity: '志愿服务', idempotencyKey: 'bad-points-0004' }, 'NOT_FOUND', 'residentId'],
    [SPEND, { residentId, points: -3, idempotencyKey: 'bad-points-0005' }, 'BAD_USER_INPUT', 'points'],
    [SPEND, { residentId, points: 1, spentAt: '', idempotencyKey: 'bad-points-0006' }, 'BAD_USER_INPUT', 'spentAt'],
  ];
  for (const [mutation, input, code, field] of cases) {
    expectError(await stack.query(mutation, { input }), code, field);
    expect(await snapshot(stack, ['civil-affairs'])).toBe(before);
  }
  // Without a key the schema itself refuses the call.
  expect((await stack.query(EARN, { input: { residentId, activity: '志愿服务' } })).errors).toBeDefined();
});
