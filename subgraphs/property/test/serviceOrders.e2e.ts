import type { Model } from 'mongoose';
import { stableId, type World } from '@cg/kit';
import { buildWorld, snapshot, startStack, type Stack } from '@cg/kit/testing';

// The service order lifecycle through the gateway: validation, the Resident check at civil affairs, steps as
// conditional updates (illegal ones and lost races change nothing), idempotent creates.
let stack: Stack;
let world: World;
let orders: Model<any>;
const reporterId = stableId('resident', 'YHM0101000', 0);
let unitId: string;

beforeAll(async () => {
  world = await buildWorld('small');
  stack = await startStack();
  orders = stack.departments.property!.models.ServiceOrder;
  const household = world['civil-affairs']!.Household!.find((h) => h.fileNumber === 'YHM0101000')!;
  unitId = String(household.unitId);
}, 120_000);
afterAll(() => stack.stop());

const ORDER = 'id status rating propertyCompany { id } reporter { id } unit { id } history { from to party note }';
/** Who takes each step (the SDL's rules): the community orders, dispatches, rates and cancels; the property company works it. */
const ACTOR: Record<string, string> = {
  createServiceOrder: 'grid-worker',
  dispatchServiceOrder: 'grid-worker',
  rateServiceOrder: 'grid-worker',
  cancelServiceOrder: 'grid-worker',
  acceptServiceOrder: 'property-staff',
  completeServiceOrder: 'property-staff',
};
const create = (input: Record<string, unknown>) =>
  stack.query(
    `mutation($input: CreateServiceOrderInput!) { createServiceOrder(input: $input) { ${ORDER} } }`,
    { input: { reporterId, unitId, category: 'REPAIR', description: '厨房水管漏水', ...input } },
    { as: ACTOR.createServiceOrder! },
  );
const step = (mutation: string, id: string, extra = '') => stack.query(`mutation { ${mutation}(id: "${id}"${extra}) { ${ORDER} } }`, {}, { as: ACTOR[mutation]! });

async function created(input: Record<string, unknown> = {}) {
  const { data, errors } = await create(input);
  expect(errors).toBeUndefined();
  return data.createServiceOrder as { id: string; status: string };
}

test.each([
  ['a malformed reporter id', { reporterId: 'nope' }, 'BAD_USER_INPUT', 'reporterId'],
  ['a reporter civil affairs does not know', { reporterId: 'ab'.repeat(12) }, 'NOT_FOUND', 'reporterId'],
  ['a unit that does not exist', { unitId: 'cd'.repeat(12) }, 'NOT_FOUND', 'unitId'],
  ['a blank description', { description: '   ' }, 'BAD_USER_INPUT', 'description'],
  ['a malformed idempotency key', { idempotencyKey: 'x' }, 'BAD_USER_INPUT', 'idempotencyKey'],
])('creating with %s is refused and writes nothing', async (_, input, code, field) => {
  const before = await snapshot(stack, ['property']);
  const { data, errors } = await create(input);
  expect(data?.createServiceOrder ?? null).toBeNull();
  expect(errors?.[0]?.extensions).toMatchObject({ code, field });
  expect(await snapshot(stack, ['property'])).toBe(before);
});

test('an unknown category is refused by the schema and writes nothing', async () => {
  const before = await snapshot(stack, ['property']);
  const { errors } = await create({ category: 'PLUMBING' });
  expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(await snapshot(stack, ['property'])).toBe(before);
});

test('ordered → dispatched → accepted → done → rated, each step in the history; illegal steps change nothing', async () => {
  const order = await created();
  expect(order.status).toBe('ORDERED');
  const estate = world.property!.Estate!.find(
    (e) => e._id === world.property!.Building!.find((b) => b._id === world.property!.Unit!.find((u) => u._id === unitId)!.buildingId)!.estateId,
  )!;

  const early = await step('acceptServiceOrder', order.id);
  expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', status: 'ORDERED' });

  const dispatched = (await step('dispatchServiceOrder', order.id, ', note: "派给物业"')).data.dispatchServiceOrder;
  expect(dispatched).toMatchObject({ status: 'DISPATCHED', propertyCompany: { id: estate.propertyCompanyId } });
  expect((await step('acceptServiceOrder', order.id)).data.acceptServiceOrder.status).toBe('ACCEPTED');
  expect((await step('completeServiceOrder', order.id, ', note: "已更换水管"')).data.completeServiceOrder.status).toBe('DONE');

  const before = await snapshot(stack, ['property']);
  for (const rating of [0, 6]) {
    const bad = await step('rateServiceOrder', order.id, `, rating: ${rating}`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'rating' });
  }
  expect(await snapshot(stack, ['property'])).toBe(before);

  const rated = (await step('rateServiceOrder', order.id, ', rating: 5, comment: "很及时"')).data.rateServiceOrder;
  expect(rated).toMatchObject({ status: 'RATED', rating: 5, reporter: { id: reporterId }, unit: { id: unitId } });
  expect(rated.history.map((h: any) => [h.from, h.to, h.party])).toEqual([
    [null, 'ORDERED', 'RESIDENT'],
    ['ORDERED', 'DISPATCHED', 'COMMUNITY'],
    ['DISPATCHED', 'ACCEPTED', 'PROPERTY_COMPANY'],
    ['ACCEPTED', 'DONE', 'PROPERTY_COMPANY'],
    ['DONE', 'RATED', 'RESIDENT'],
  ]);
  expect(rated.history[1].note).toBe('派给物业');

  const after = await snapshot(stack, ['property']);
  for (const [mutation, extra] of [
    ['cancelServiceOrder', ', reason: "不需要了"'],
    ['rateServiceOrder', ', rating: 1'],
    ['dispatchServiceOrder', ''],
  ] as const) {
    const illegal = await step(mutation, order.id, extra);
    expect(illegal.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', status: 'RATED' });
  }
  expect(await snapshot(stack, ['property'])).toBe(after);
});

test('cancel needs a reason and works before the order is done; an unknown order is NOT_FOUND', async () => {
  const order = await created();
  const blank = await step('cancelServiceOrder', order.id, ', reason: " "');
  expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
  const cancelled = (await step('cancelServiceOrder', order.id, ', reason: "居民自行解决"')).data.cancelServiceOrder;
  expect(cancelled.status).toBe('CANCELLED');
  expect(cancelled.history.at(-1)).toMatchObject({ from: 'ORDERED', to: 'CANCELLED', note: '居民自行解决' });
  const missing = await step('acceptServiceOrder', 'ef'.repeat(12));
  expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
});

test('two property staff accept the same order at once: exactly one wins, one ACCEPTED step is recorded', async () => {
  const order = await created();
  await step('dispatchServiceOrder', order.id);
  const results = await Promise.all(Array.from({ length: 4 }, () => step('acceptServiceOrder', order.id)));
  const winners = results.filter((r) => r.data?.acceptServiceOrder?.status === 'ACCEPTED');
  const losers = results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT');
  expect(winners).toHaveLength(1);
  expect(losers).toHaveLength(3);
  const stored = await orders.findById(order.id).lean<any>();
  expect(stored.history.filter((h: any) => h.to === 'ACCEPTED')).toHaveLength(1);
  expect(stored.status).toBe('ACCEPTED');
});

test('a retried create with the same idempotency key returns the first order; another input under it is a CONFLICT', async () => {
  const count = await orders.countDocuments();
  const first = await created({ idempotencyKey: 'order-retry-0001' });
  const again = await created({ idempotencyKey: 'order-retry-0001' });
  expect(again.id).toBe(first.id);
  expect(await orders.countDocuments()).toBe(count + 1);
  const before = await snapshot(stack, ['property']);
  const reused = await create({ idempotencyKey: 'order-retry-0001', description: '别的事' });
  expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
  expect(await snapshot(stack, ['property'])).toBe(before);
});

test("a resident's orders through federation", async () => {
  const order = await created({ description: '楼道灯不亮' });
  const { data } = await stack.query(`{ resident(id: "${reporterId}") { serviceOrders(first: 100) { edges { node { id } } } } }`);
  expect(data.resident.serviceOrders.edges.map((o: any) => o.node.id)).toContain(order.id);
});
