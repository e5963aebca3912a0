import { newId, stableId } from '@cg/kit';
import { startStack, type Stack } from '../../../tests/support/stack';

// __Title__ through the gateway: create, read back, and see the records on civil affairs' Resident.
let stack: Stack;
beforeAll(async () => void (stack = await startStack()), 60_000);
afterAll(() => stack?.stop());

const create = `mutation($input: Create__Entity__Input!) { create__Entity__(input: $input) { id summary occurredOn resident { id name } } }`;

/** A clerk of this department: the SDL lets only its own clerks write. */
const clerk = async () => ({ token: await stack.token('civil-affairs-clerk', { department: '__name__' }) });

test('a record about a resident is created once and appears on the Resident', async () => {
  const resident = { id: stableId('resident', 'YHM0101000', 0) }; // the demo head of household (README)
  const input = { residentId: resident.id, summary: 'first visit', occurredOn: '2025-03-01', idempotencyKey: 'scaffold-test-1' };
  const first = await stack.query(create, { input }, await clerk());
  expect(first.errors).toBeUndefined();
  expect(first.data.create__Entity__.resident.id).toBe(resident.id);
  expect((await stack.query(create, { input }, await clerk())).data.create__Entity__.id).toBe(first.data.create__Entity__.id);

  const read = await stack.query(`query($id: ID!) { resident(id: $id) { name __entities__ { id summary } } }`, { id: resident.id });
  expect(read.errors).toBeUndefined();
  expect(read.data.resident.__entities__.map((r: { id: string }) => r.id)).toContain(first.data.create__Entity__.id);
}, 30_000);

test('bad input, unknown residents and clerks of other departments are refused and write nothing', async () => {
  const before = (await stack.query(`{ __entities__(first: 0) { totalCount } }`)).data.__entities__.totalCount;
  const base = { residentId: newId(), summary: 'x', occurredOn: '2025-03-01' };
  const missing = await stack.query(create, { input: base }, await clerk());
  expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'residentId' });
  const badDate = await stack.query(create, { input: { ...base, occurredOn: '2025-13-01' } }, await clerk());
  expect(badDate.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'occurredOn' });
  const blank = await stack.query(create, { input: { ...base, summary: '  ' } }, await clerk());
  expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'summary' });
  const foreign = await stack.query(create, { input: { ...base, residentId: stableId('resident', 'YHM0101000', 0) } });
  expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Mutation.create__Entity__' });
  expect((await stack.query(`{ __entities__(first: 0) { totalCount } }`)).data.__entities__.totalCount).toBe(before);
});
