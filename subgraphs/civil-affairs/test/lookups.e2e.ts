import { maskIdNumber, maskPhone, stableId, type World } from '@cg/kit';
import { buildWorld, expectError, startStack, type Stack } from '@cg/kit/testing';

// Lookups of residents by phone (手机号) and by ID number (身份证号): a stated purpose first, an access record for
// every lookup (found or not), the masking rules of Resident unchanged, the caller's grids respected.
let stack: Stack;
let world: World;
const residents = () => world['civil-affairs']!.Resident! as Array<{ _id: string; phone?: string; idNumber: string; gridId: string; name: string }>;
beforeAll(async () => {
  world = await buildWorld('small');
  stack = await startStack();
}, 120_000);
afterAll(() => stack.stop());

const BY_PHONE =
  'query($p: String!, $n: Int, $a: String) { residentsByPhone(phone: $p, first: $n, after: $a) { totalCount edges { cursor node { id phone idNumber } } pageInfo { hasNextPage endCursor } } }';
const BY_ID = 'query($n: String!) { residentByIdNumber(idNumber: $n) { id idNumber phone } }';
const audit = () => stack.departments['civil-affairs']!.connection.db!.collection('audit_records');
const recordsOf = (field: string) => audit().find({ fields: field }).sort({ at: 1 }).toArray();

test('by phone with a purpose: every resident with the number, phone in full for case work, ID number masked, recorded', async () => {
  const person = residents().find((r) => r.phone)!;
  const expected = residents().filter((r) => r.phone === person.phone);
  const before = (await recordsOf('Query.residentsByPhone')).length;
  // Spaces, dashes and +86 are ignored.
  const spaced = `+86 ${person.phone!.slice(0, 3)}-${person.phone!.slice(3, 7)} ${person.phone!.slice(7)}`;
  const { data, errors } = await stack.query(BY_PHONE, { p: spaced }, { purpose: 'CASE_HANDLING' });
  expect(errors).toBeUndefined();
  expect(data.residentsByPhone.totalCount).toBe(expected.length);
  expect(data.residentsByPhone.edges.map((e: any) => e.node)).toEqual(
    expect.arrayContaining(expected.map((r) => ({ id: r._id, phone: r.phone, idNumber: maskIdNumber(r.idNumber) }))),
  );
  const records = await recordsOf('Query.residentsByPhone');
  expect(records).toHaveLength(before + 1);
  expect(records.at(-1)).toMatchObject({ subject: 'demo-civil-affairs-clerk', purpose: 'CASE_HANDLING', operationType: 'query' });
  expect(records.at(-1)!.entityIds).toEqual(expect.arrayContaining(expected.map((r) => r._id)));
  // The searched number itself is not kept in the record.
  expect(JSON.stringify(records.at(-1))).not.toContain(person.phone);

  // A purpose that does not entitle to the phone in full still finds, masked: the masking rules are Resident's own.
  const other = await stack.query(BY_PHONE, { p: person.phone }, { purpose: 'ASSISTANCE_REVIEW' });
  expect(other.data.residentsByPhone.edges[0].node).toMatchObject({ phone: maskPhone(person.phone!), idNumber: expect.any(String) });
});

test('a lookup that finds nobody is recorded too; a malformed number is BAD_USER_INPUT', async () => {
  const before = (await recordsOf('Query.residentsByPhone')).length;
  const { data } = await stack.query(BY_PHONE, { p: '13000000001' }, { purpose: 'SERVICE_DELIVERY' });
  expect(data.residentsByPhone).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  const records = await recordsOf('Query.residentsByPhone');
  expect(records).toHaveLength(before + 1);
  expect(records.at(-1)).toMatchObject({ purpose: 'SERVICE_DELIVERY', entityIds: [] });
  expectError(await stack.query(BY_PHONE, { p: '12345' }, { purpose: 'CASE_HANDLING' }), 'BAD_USER_INPUT', 'phone');
  expectError(await stack.query(BY_PHONE, { p: '13000000001', n: 101 }, { purpose: 'CASE_HANDLING' }), 'BAD_USER_INPUT', 'first');
});

test('no purpose, or one a lookup does not serve, is FORBIDDEN with reason PURPOSE_REQUIRED and records nothing', async () => {
  const person = residents().find((r) => r.phone)!;
  const before = (await audit().countDocuments({ fields: { $in: ['Query.residentsByPhone', 'Query.residentByIdNumber'] } })) as number;
  for (const purpose of [undefined, 'AUDIT']) {
    const byPhone = await stack.query(BY_PHONE, { p: person.phone }, { purpose });
    expect(byPhone.data?.residentsByPhone ?? null).toBeNull();
    expect(expectError(byPhone, 'FORBIDDEN', 'Query.residentsByPhone').reason).toBe('PURPOSE_REQUIRED');
    const byId = await stack.query(BY_ID, { n: person.idNumber }, { purpose });
    expect(expectError(byId, 'FORBIDDEN', 'Query.residentByIdNumber').reason).toBe('PURPOSE_REQUIRED');
  }
  expect(await audit().countDocuments({ fields: { $in: ['Query.residentsByPhone', 'Query.residentByIdNumber'] } })).toBe(before);
});

test('callers the rules do not name are refused, with a purpose or not', async () => {
  const person = residents().find((r) => r.phone)!;
  for (const as of ['property-staff', 'resident']) {
    expectError(await stack.query(BY_PHONE, { p: person.phone }, { as, purpose: 'SERVICE_DELIVERY' }), 'FORBIDDEN');
    expectError(await stack.query(BY_ID, { n: person.idNumber }, { as, purpose: 'SERVICE_DELIVERY' }), 'FORBIDDEN');
  }
  expectError(await stack.query(BY_PHONE, { p: person.phone }, { as: null, purpose: 'CASE_HANDLING' }), 'UNAUTHENTICATED');
});

test("a grid worker finds only residents of the worker's own grids", async () => {
  const own = stableId('grid', 'ZB-YHM-01');
  const inside = residents().find((r) => r.phone && r.gridId === own)!;
  const outside = residents().find((r) => r.phone && r.gridId !== own && !residents().some((x) => x.phone === r.phone && x.gridId === own))!;
  const mine = await stack.query(BY_PHONE, { p: inside.phone }, { as: 'grid-worker', purpose: 'CASE_HANDLING' });
  expect(mine.data.residentsByPhone.edges.map((e: any) => e.node.id)).toContain(inside._id);
  const theirs = await stack.query(BY_PHONE, { p: outside.phone }, { as: 'grid-worker', purpose: 'CASE_HANDLING' });
  expect(theirs.data.residentsByPhone.totalCount).toBe(0);
});

test('by ID number: masked for case work, in full for an assistance review, recorded with the resident found', async () => {
  const person = residents()[7]!;
  const masked = await stack.query(BY_ID, { n: person.idNumber }, { purpose: 'CASE_HANDLING' });
  expect(masked.data.residentByIdNumber).toMatchObject({ id: person._id, idNumber: maskIdNumber(person.idNumber) });
  const full = await stack.query(BY_ID, { n: person.idNumber }, { purpose: 'ASSISTANCE_REVIEW' });
  expect(full.data.residentByIdNumber).toMatchObject({ id: person._id, idNumber: person.idNumber });
  const records = await recordsOf('Query.residentByIdNumber');
  expect(records.slice(-2).map((r) => [r.purpose, r.entityIds])).toEqual([
    ['CASE_HANDLING', [person._id]],
    ['ASSISTANCE_REVIEW', [person._id]],
  ]);
});
