import { stableId, trusted, type Identity, type World } from '@cg/kit';
import { buildWorld, startStack, type Stack } from '@cg/kit/testing';
import { reporterOf } from './support/jointCase';

// The self-service path (群众点单) with the RESIDENT role: a signed-in resident sees only their own record, cases,
// micro-wishes and points, submits a case and a wish for themselves, and nothing of anybody else.
let stack: Stack;
let world: World;
let me: ReturnType<typeof reporterOf>;
let neighbour: ReturnType<typeof reporterOf>;
let identity: Identity;

beforeAll(async () => {
  world = await buildWorld('small');
  stack = await startStack();
  me = reporterOf(world, 'YHM0101000');
  neighbour = reporterOf(world, 'YHM0101001');
  identity = { subject: me.residentId, department: 'resident', role: 'RESIDENT', scope: { communityIds: [], gridIds: [] } };
}, 120_000);
afterAll(() => stack.stop());

const asMe = async (query: string, variables?: Record<string, unknown>) => stack.query(query, variables, { token: await stack.token('resident', identity) });
const codeOf = (errors: any[] | undefined) => errors?.[0]?.extensions?.code;

test('the demo resident token is the README example resident', () => {
  expect(me.residentId).toBe(stableId('resident', 'YHM0101000', 0));
});

test("a resident reads their own record, de-identified fields as the rules say, and no one else's", async () => {
  const own = await asMe(`{ resident(id: "${me.residentId}") { id name idNumber } residents { totalCount edges { node { id } } } }`);
  expect(own.data.resident.id).toBe(me.residentId);
  expect(own.data.resident.name).toMatch(/\*/); // masked: the rules give residents no full names
  expect(own.data.resident.idNumber).toBeNull();
  expect(own.data.residents).toEqual({ totalCount: 1, edges: [{ node: { id: me.residentId } }] });
  const account = world['civil-affairs']!.CivilityPointsAccount!.find((a) => a.residentId !== me.residentId)!;
  const theirs = await asMe(`{ resident(id: "${neighbour.residentId}") { id } civilityPointsAccount(residentId: "${account.residentId}") { balance } }`);
  expect(theirs.data).toEqual({ resident: null, civilityPointsAccount: null });
  expect(theirs.errors?.map((e: any) => e.extensions.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  for (const query of ['{ households { totalCount } }', '{ visits { totalCount } }', '{ partyMembers { totalCount } }', '{ serviceOrders { totalCount } }']) {
    expect({ query, code: codeOf((await asMe(query)).errors) }).toEqual({ query, code: 'FORBIDDEN' });
  }
});

test('a resident submits a case for themselves only, and lists only their own cases', async () => {
  const submit = 'mutation($input: SubmitJointCaseInput!) { submitJointCase(input: $input) { id status reporter { id } } }';
  const mine = await asMe(submit, { input: { reporterId: me.residentId, unitId: me.unitId, category: 'WATER', description: '家里没水了' } });
  expect(mine.errors).toBeUndefined();
  expect(mine.data.submitJointCase).toMatchObject({ status: 'SUBMITTED', reporter: { id: me.residentId } });
  const before = await stack.departments.party!.models.JointCase.countDocuments();
  const forSomeoneElse = await asMe(submit, { input: { reporterId: neighbour.residentId, unitId: neighbour.unitId, category: 'WATER', description: '替邻居报' } });
  expect(codeOf(forSomeoneElse.errors)).toBe('FORBIDDEN');
  expect(await stack.departments.party!.models.JointCase.countDocuments()).toBe(before);

  const list = await asMe('{ jointCases(first: 100) { totalCount edges { node { id reporter { id } description } } } }');
  const own = await stack.departments.party!.models.JointCase.countDocuments({ reporterId: me.residentId });
  expect(list.data.jointCases.totalCount).toBe(own);
  expect(list.data.jointCases.edges.every((e: any) => e.node.reporter.id === me.residentId)).toBe(true);
  expect(list.data.jointCases.edges.map((e: any) => e.node.id)).toContain(mine.data.submitJointCase.id);
  const other = await stack.departments.party!.models.JointCase.findOne({ reporterId: trusted({ $ne: me.residentId }) }).lean();
  expect(codeOf((await asMe(`{ jointCase(id: "${other._id}") { id } }`)).errors)).toBe('FORBIDDEN');
});

test('a resident publishes a wish for themselves (the default) and sees only their own wishes', async () => {
  const organizationId = world.party!.PartyOrganization!.find((o) => o.level === 'COMMUNITY_COMMITTEE')!._id;
  const publish = 'mutation($input: PublishMicroWishInput!) { publishMicroWish(input: $input) { id status resident { id } } }';
  const base = { title: '想学用智能手机', organizationId, publishedOn: '2026-11-02', dueOn: '2026-11-20' };
  const wish = await asMe(publish, { input: base });
  expect(wish.errors).toBeUndefined();
  expect(wish.data.publishMicroWish).toMatchObject({ status: 'PUBLISHED', resident: { id: me.residentId } });
  const before = await stack.departments.party!.models.MicroWish.countDocuments();
  const forNeighbour = await asMe(publish, { input: { ...base, residentId: neighbour.residentId } });
  expect(forNeighbour.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'residentId' });
  expect(await stack.departments.party!.models.MicroWish.countDocuments()).toBe(before);
  const list = await asMe('{ microWishes(first: 100) { totalCount edges { node { id } } } }');
  expect(list.data.microWishes.totalCount).toBe(await stack.departments.party!.models.MicroWish.countDocuments({ residentId: me.residentId }));
  expect(list.data.microWishes.edges.map((e: any) => e.node.id)).toContain(wish.data.publishMicroWish.id);
  // Staff still see every wish.
  const staff = await stack.query('{ microWishes { totalCount } }', {}, { as: 'party-secretary' });
  expect(staff.data.microWishes.totalCount).toBe(before);
});

test('a resident takes no staff step: dispatching their own case is refused by the rule', async () => {
  const kase = await stack.departments.party!.models.JointCase.findOne({ reporterId: me.residentId }).lean();
  const { data, errors } = await asMe(`mutation { dispatchJointCase(id: "${kase._id}", expectedVersion: ${kase.version}) { id } }`);
  expect({ data, error: errors?.[0]?.extensions }).toEqual({ data: null, error: expect.objectContaining({ code: 'FORBIDDEN', field: 'Mutation.dispatchJointCase' }) });
});
