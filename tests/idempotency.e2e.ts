import { stableId } from '@cg/kit';
import { startStack, type Stack } from '@cg/kit/testing';

// recordVisit (civil affairs, 走访): every creating mutation takes an idempotencyKey so a client can retry safely.
let stack: Stack;
const residentId = stableId('resident', 'YHM0101000', 0);
const record = 'mutation($i: RecordVisitInput!) { recordVisit(input: $i) { id visitedOn method notes resident { id } } }';
const input = { residentId, visitedOn: '2026-03-02', method: 'HOME', visitorName: '网格员', notes: '了解低保申请情况' };
const visits = () => stack.departments['civil-affairs']!.models.Visit;

beforeAll(async () => {
  stack = await startStack();
}, 120_000);
afterAll(() => stack.stop());

test('a retried create with the same key returns the first record and writes nothing more', async () => {
  const first = await stack.query(record, { i: { ...input, idempotencyKey: 'visit-key-0001' } });
  expect(first.errors).toBeUndefined();
  expect(first.data.recordVisit).toMatchObject({ visitedOn: '2026-03-02', method: 'HOME', resident: { id: residentId } });
  const retries = await Promise.all([1, 2, 3].map(() => stack.query(record, { i: { ...input, idempotencyKey: 'visit-key-0001' } })));
  for (const retry of retries) expect(retry.data.recordVisit.id).toBe(first.data.recordVisit.id);
  expect(await visits().countDocuments({ residentId, visitedOn: '2026-03-02' })).toBe(1);
});

test('the same key with a different input is a CONFLICT and changes nothing', async () => {
  await stack.query(record, { i: { ...input, idempotencyKey: 'visit-key-0002' } });
  const before = await visits().countDocuments();
  const reused = await stack.query(record, { i: { ...input, notes: '另一次走访', idempotencyKey: 'visit-key-0002' } });
  expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
  expect(await visits().countDocuments()).toBe(before);
});

test('without a key every call creates a record', async () => {
  const a = await stack.query(record, { i: { ...input, visitedOn: '2026-03-03' } });
  const b = await stack.query(record, { i: { ...input, visitedOn: '2026-03-03' } });
  expect(a.data.recordVisit.id).not.toBe(b.data.recordVisit.id);
});

test.each([
  [{ residentId: 'nope' }, 'BAD_USER_INPUT', 'residentId'],
  [{ residentId: '0'.repeat(24) }, 'NOT_FOUND', 'residentId'],
  [{ visitedOn: '2026-02-30' }, 'BAD_USER_INPUT', 'visitedOn'],
  [{ visitorName: '   ' }, 'BAD_USER_INPUT', 'visitorName'],
  [{ notes: '访'.repeat(2001) }, 'BAD_USER_INPUT', 'notes'],
  [{ idempotencyKey: 'short' }, 'BAD_USER_INPUT', 'idempotencyKey'],
])('bad input %j → %s on %s, nothing written', async (change, code, field) => {
  const before = await visits().countDocuments();
  const { data, errors } = await stack.query(record, { i: { ...input, ...change } });
  expect(data).toBeNull();
  expect(errors?.[0]?.extensions).toMatchObject({ code, field });
  expect(await visits().countDocuments()).toBe(before);
});

test("whitespace-only notes mean none (the kit's one rule for optional text): the visit is recorded without notes", async () => {
  const { data, errors } = await stack.query(record, { i: { ...input, notes: '   ' } });
  expect(errors).toBeUndefined();
  expect(data.recordVisit.notes).toBeNull();
});
