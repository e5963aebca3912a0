import { stableId, type World } from '@cg/kit';
import { buildWorld, expectError, snapshot, startStack, type Stack } from '@cg/kit/testing';
import { recordPatrol } from './patrol';

// Orders raised from a joint-response case (asked of party through federation) and from a steward's patrol finding
// (管家吹哨): the links both ways, bad input and forbidden callers changing nothing, one order per finding.
let stack: Stack;
let world: World;
let open: { _id: string; unitId: string; buildingId: string; gridId: string };
let closed: { _id: string };
const residentId = stableId('resident', 'YHM0101000', 0);
let unitId: string;
let estateId: string;

beforeAll(async () => {
  world = await buildWorld('small');
  stack = await startStack();
  const cases = world.party!.JointCase! as unknown as Array<typeof open & { status: string }>;
  const ownGrid = stableId('grid', 'ZB-YHM-01');
  open = cases.find((c) => c.status === 'IN_PROGRESS' && c.unitId && c.gridId !== ownGrid)!;
  closed = cases.find((c) => c.status === 'CLOSED')!;
  unitId = String(world['civil-affairs']!.Household!.find((h) => h.fileNumber === 'YHM0101000')!.unitId);
  const building = world.property!.Building!.find((b) => b._id === world.property!.Unit!.find((u) => u._id === unitId)!.buildingId)!;
  estateId = String(building.estateId);
}, 120_000);
afterAll(() => stack.stop());

const ORDER = 'id status category reporter { id } unit { id } case { id } history { party note }';
const fromCase = (input: Record<string, unknown>, as = 'party-secretary') =>
  stack.query(
    `mutation($input: RaiseServiceOrderFromCaseInput!) { raiseServiceOrderFromCase(input: $input) { ${ORDER} } }`,
    { input: { caseId: open._id, category: 'REPAIR', description: '案件涉及的楼道水管需物业维修', ...input } },
    { as },
  );

test('a case raises orders: ServiceOrder.case and JointCase.serviceOrders link both ways', async () => {
  const first = await fromCase({ idempotencyKey: 'case-order-0001' });
  expect(first.errors).toBeUndefined();
  const order = first.data.raiseServiceOrderFromCase;
  expect(order).toMatchObject({ status: 'ORDERED', case: { id: open._id }, unit: { id: open.unitId }, history: [{ party: 'COMMUNITY' }] });
  const retried = await fromCase({ idempotencyKey: 'case-order-0001' });
  expect(retried.data.raiseServiceOrderFromCase.id).toBe(order.id);
  const { data, errors } = await stack.query(`{ jointCase(id: "${open._id}") { id status serviceOrders { id case { id status } } } }`, {}, { as: 'party-secretary' });
  expect(errors).toBeUndefined();
  expect(data.jointCase.serviceOrders).toEqual([{ id: order.id, case: { id: open._id, status: data.jointCase.status } }]);
});

test.each([
  ['a malformed case id', { caseId: 'nope' }, 'BAD_USER_INPUT', 'caseId'],
  ['a case party does not know', { caseId: 'ab'.repeat(12) }, 'NOT_FOUND', 'caseId'],
  ['a blank description', { description: ' ' }, 'BAD_USER_INPUT', 'description'],
  ['a dwelling outside the case building', { unitId: 'UNIT' }, 'BAD_USER_INPUT', 'unitId'],
  ['a closed case', { caseId: 'CLOSED' }, 'CONFLICT', 'caseId'],
])('raising from %s is refused and writes nothing', async (_, input, code, field) => {
  const resolved = { ...input } as Record<string, unknown>;
  if (resolved.unitId === 'UNIT') resolved.unitId = world.property!.Unit!.find((u) => u.buildingId !== open.buildingId)!._id;
  if (resolved.caseId === 'CLOSED') resolved.caseId = closed._id;
  const before = await snapshot(stack, ['property']);
  expectError(await fromCase(resolved), code, field);
  expect(await snapshot(stack, ['property'])).toBe(before);
});

test.each([
  ['a grid worker outside the case grid', 'grid-worker', 'FORBIDDEN'],
  ["a property company's system without a task on the case", 'property-partner', 'FORBIDDEN'],
  ['a civil-affairs clerk (not in the rule)', 'civil-affairs-clerk', 'FORBIDDEN'],
])('%s may not raise an order from the case', async (_, as, code) => {
  const before = await snapshot(stack, ['property']);
  expect((await fromCase({}, as)).errors?.[0]?.extensions?.code).toBe(code);
  expect(await snapshot(stack, ['property'])).toBe(before);
});

describe('管家吹哨: a patrol finding raises a service order once', () => {
  let patrolId: string;
  let issues: Array<{ id: string; unit: { id: string } | null }>;
  const fromPatrol = (input: Record<string, unknown>, as = 'property-staff') =>
    stack.query(
      `mutation($input: RaiseServiceOrderFromPatrolIssueInput!) { raiseServiceOrderFromPatrolIssue(input: $input) { ${ORDER} } }`,
      { input: { patrolId, issueId: issues[0]!.id, reporterId: residentId, ...input } },
      { as },
    );

  beforeAll(async () => {
    const issuesFound = [
      { category: 'LIGHTING', description: '楼道声控灯损坏', unitId },
      { category: 'SANITATION', description: '垃圾桶满溢' },
      { category: 'PARKING', description: '消防通道停车', resolved: true },
    ];
    const patrol = await recordPatrol(
      stack,
      { estateId, date: '2020-06-01', stewardName: '王管家', endTime: '09:20', issues: issuesFound },
      'id issues { id patrolId unit { id } }',
    );
    patrolId = patrol.id;
    issues = patrol.issues;
  });

  test.each([
    ['a finding that does not exist', { issueId: 'cd'.repeat(12) }, 'NOT_FOUND', 'issueId'],
    ['a reporter civil affairs does not know', { reporterId: 'ab'.repeat(12) }, 'NOT_FOUND', 'reporterId'],
    ['a finding without a dwelling and none given', { issueId: 1 }, 'BAD_USER_INPUT', 'unitId'],
    ['a resolved finding', { issueId: 2 }, 'CONFLICT', 'issueId'],
    ['a dwelling outside the estate', { issueId: 1, unitId: 'OTHER' }, 'BAD_USER_INPUT', 'unitId'],
  ])('%s is refused and writes nothing', async (_, input, code, field) => {
    const resolved = { ...input } as Record<string, unknown>;
    if (typeof resolved.issueId === 'number') resolved.issueId = issues[resolved.issueId]!.id;
    if (resolved.unitId === 'OTHER') {
      const elsewhere = world.property!.Building!.find((b) => b.estateId !== estateId)!;
      resolved.unitId = world.property!.Unit!.find((u) => u.buildingId === elsewhere._id)!._id;
    }
    const before = await snapshot(stack, ['property']);
    expectError(await fromPatrol(resolved), code, field);
    expect(await snapshot(stack, ['property'])).toBe(before);
  });

  test('a civil-affairs clerk may not raise it', async () => {
    expect((await fromPatrol({}, 'civil-affairs-clerk')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test('the finding raises one order, shows it, and a second raise is a CONFLICT', async () => {
    const { data, errors } = await fromPatrol({});
    expect(errors).toBeUndefined();
    const order = data.raiseServiceOrderFromPatrolIssue;
    expect(order).toMatchObject({ status: 'ORDERED', category: 'FACILITIES', reporter: { id: residentId }, unit: { id: unitId }, case: null });
    const before = await snapshot(stack, ['property']);
    expect(expectError(await fromPatrol({}), 'CONFLICT', 'issueId')).toMatchObject({ serviceOrderId: order.id });
    expect(await snapshot(stack, ['property'])).toBe(before);
    const shown = await stack.query(`{ estatePatrol(id: "${patrolId}") { issues { id serviceOrder { id } } } }`, {}, { as: 'property-staff' });
    expect(shown.data.estatePatrol.issues).toEqual([
      { id: issues[0]!.id, serviceOrder: { id: order.id } },
      { id: issues[1]!.id, serviceOrder: null },
      { id: issues[2]!.id, serviceOrder: null },
    ]);
  });
});
