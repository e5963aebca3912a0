import { observeCommands, stableId, type World } from '@cg/kit';
import { buildWorld, expectError, snapshot, startStack, type Stack } from '@cg/kit/testing';
import { recordPatrol } from './patrol';

// 管家吹哨 across departments: property records the steward's finding; party's case submission takes a reference to
// it, checked with property through federation, and writes the case itself (one per finding); the finding then
// shows the case party raised, and the case the service orders property raised from it.
let stack: Stack;
let world: World;
let patrolId: string;
let issues: Array<{ id: string }>;
const reporterId = stableId('resident', 'YHM0101000', 0);
let unitId: string;

beforeAll(async () => {
  world = await buildWorld('small');
  stack = await startStack();
  unitId = String(world['civil-affairs']!.Household!.find((h) => h.fileNumber === 'YHM0101000')!.unitId);
  const building = world.property!.Building!.find((b) => b._id === world.property!.Unit!.find((u) => u._id === unitId)!.buildingId)!;
  const issuesFound = [
    { category: 'FIRE_EQUIPMENT', description: '楼道灭火器过期', unitId },
    { category: 'OTHER', description: '小区围墙破损' },
    { category: 'SANITATION', description: '绿化带垃圾', resolved: true },
  ];
  const patrol = await recordPatrol(stack, { estateId: building.estateId, date: '2020-07-01', stewardName: '李管家', endTime: '09:30', issues: issuesFound }, 'id issues { id }');
  patrolId = patrol.id;
  issues = patrol.issues;
}, 120_000);
afterAll(() => stack.stop());

const CASE = 'id status dwelling { id } history { note } patrolFinding { id patrolId description jointCase { id } }';
const submit = (finding: Record<string, unknown>, extra: Record<string, unknown> = {}, as = 'grid-worker') =>
  stack.query(
    `mutation($input: SubmitJointCaseInput!) { submitJointCase(input: $input) { ${CASE} } }`,
    { input: { reporterId, category: 'OTHER', description: '管家巡查发现灭火器过期，需联动处置', patrolFinding: { patrolId, issueId: issues[0]!.id, ...finding }, ...extra } },
    { as },
  );
const unchanged = async (run: () => Promise<unknown>) => {
  const before = await snapshot(stack, ['party', 'property']);
  await run();
  expect(await snapshot(stack, ['party', 'property'])).toBe(before);
};

test.each([
  ['a patrol property does not know', { patrolId: 'ab'.repeat(12) }, {}, 'NOT_FOUND', 'patrolFinding.patrolId'],
  ['a finding the patrol does not have', { issueId: 'cd'.repeat(12) }, {}, 'NOT_FOUND', 'patrolFinding.issueId'],
  ['a malformed finding id', { issueId: 'x' }, {}, 'BAD_USER_INPUT', 'patrolFinding.issueId'],
  ['a resolved finding', { issueId: 2 }, {}, 'CONFLICT', 'patrolFinding.issueId'],
  ['another dwelling than the finding names', {}, { unitId: 'OTHER' }, 'BAD_USER_INPUT', 'unitId'],
  ['a finding without a place and none given', { issueId: 1 }, {}, 'BAD_USER_INPUT', 'unitId'],
])('raising a case from %s is refused and writes nothing', async (_, finding, extra, code, field) => {
  const f = { ...finding } as Record<string, unknown>;
  if (typeof f.issueId === 'number') f.issueId = issues[f.issueId]!.id;
  const e = { ...extra } as Record<string, unknown>;
  if (e.unitId === 'OTHER') e.unitId = world.property!.Unit!.find((u) => u._id !== unitId)!._id;
  await unchanged(async () => expectError(await submit(f, e), code, field));
});

test('a civil-affairs clerk may not raise a case from a finding', async () => {
  await unchanged(async () => expect((await submit({}, {}, 'civil-affairs-clerk')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN'));
});

test('the finding raises one case at its dwelling; both show the link, and the case then raises a service order', async () => {
  const { data, errors } = await submit({});
  expect(errors).toBeUndefined();
  const raised = data.submitJointCase;
  expect(raised).toMatchObject({
    status: 'SUBMITTED',
    dwelling: { id: unitId },
    history: [{ note: '管家吹哨：巡查发现问题' }],
    patrolFinding: { id: issues[0]!.id, patrolId, description: '楼道灭火器过期', jointCase: { id: raised.id } },
  });
  await unchanged(async () => expect(expectError(await submit({}), 'CONFLICT', 'patrolFinding.issueId')).toMatchObject({ jointCaseId: raised.id }));

  const order = await stack.query(
    `mutation($input: RaiseServiceOrderFromCaseInput!) { raiseServiceOrderFromCase(input: $input) { id } }`,
    { input: { caseId: raised.id, category: 'FACILITIES', description: '更换过期灭火器' } },
    { as: 'grid-worker' },
  );
  expect(order.errors).toBeUndefined();
  const shown = await stack.query(`{ estatePatrol(id: "${patrolId}") { issues { id jointCase { id serviceOrders { id case { id } } } } } }`, {}, { as: 'party-secretary' });
  expect(shown.errors).toBeUndefined();
  expect(shown.data.estatePatrol.issues).toEqual([
    { id: issues[0]!.id, jointCase: { id: raised.id, serviceOrders: [{ id: order.data.raiseServiceOrderFromCase.id, case: { id: raised.id } }] } },
    { id: issues[1]!.id, jointCase: null },
    { id: issues[2]!.id, jointCase: null },
  ]);
});

test('the links resolve in batches: one query per department and collection for a page of cases or patrols', async () => {
  const watchers = Object.fromEntries(['party', 'property'].map((name) => [name, observeCommands(stack.departments[name]!.connection)]));
  const finds = (name: string, collection: string) => watchers[name]!.commands.filter((c) => c.name === 'find' && c.collection === collection).length;
  const cases = await stack.query(`{ jointCases(first: 30) { edges { node { id serviceOrders { id } memberCredits { id } } } } }`, {}, { as: 'party-secretary' });
  expect(cases.errors).toBeUndefined();
  expect(cases.data.jointCases.edges.some((e: any) => e.node.serviceOrders.length > 0)).toBe(true);
  expect([finds('property', 'service_orders'), finds('party', 'point_entries')]).toEqual([1, 1]);
  const before = finds('party', 'joint_cases');
  const patrols = await stack.query(`{ estatePatrols(first: 30) { edges { node { issues { serviceOrder { id } jointCase { id } } } } } }`, {}, { as: 'party-secretary' });
  Object.values(watchers).forEach((w) => w.stop());
  expect(patrols.errors).toBeUndefined();
  expect([finds('property', 'service_orders'), finds('party', 'joint_cases') - before]).toEqual([2, 1]);
});
