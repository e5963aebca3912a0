import { observeCommands, stableId, type World } from '@cg/kit';
import { exampleOperation } from '@cg/gateway/examples';
import { buildWorld, startStack, type Stack } from '@cg/kit/testing';
import { caseClient, GRID_WORKER, LAW, POWER, reporterOf, resident, SECRETARY, UNITS, WATER, type CaseView } from './support/jointCase';

// Ledgers, measures, supervision, lists and the cross-department dossier, on a hand-worked fixture.
let stack: Stack;
let world: World;
let api: ReturnType<typeof caseClient>;
const communityId = stableId('community', '义合美新城社区');

beforeAll(async () => {
  world = await buildWorld('small');
  stack = await startStack();
  api = caseClient(stack);
}, 120_000);
afterAll(() => stack.stop());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function submitAs(fileNumber: string, input: Record<string, unknown>) {
  const who = reporterOf(world, fileNumber);
  return { c: await api.submit(resident(who.residentId), { reporterId: who.residentId, unitId: who.unitId, description: '测试', ...input }), who };
}
async function withEnv<T>(name: string, value: string, run: () => Promise<T>): Promise<T> {
  process.env[name] = value;
  try {
    return await run();
  } finally {
    delete process.env[name];
  }
}
/** A case taken from submission through verification by a single lead unit. */
async function resolveVerify(c: CaseView, lead: string, identity: typeof WATER, whistle?: (c: CaseView) => Promise<CaseView>) {
  c = await api.ok(GRID_WORKER, 'dispatchJointCase', c, { leadUnitId: lead, ...(whistle ? { helperUnitIds: [UNITS.law] } : {}) });
  c = await api.ok(identity, 'acceptJointCaseTask', c, { unitId: lead });
  c = await api.ok(identity, 'startJointCase', c);
  if (whistle) c = await whistle(c);
  c = await api.ok(identity, 'resolveJointCaseTask', c, { unitId: lead });
  c = await api.ok(identity, 'resolveJointCase', c, { note: '已处置' });
  return api.ok(SECRETARY, 'verifyJointCase', c);
}

test('measures, 民情台账 and 政务台账 equal the hand-computed values of a fixture', async () => {
  const from = new Date().toISOString();
  const grid1 = stableId('grid', 'ZB-YHM-01');
  const grid2 = stableId('grid', 'ZB-YHM-02');
  // A: water, one unit, on time, rated 5 → resolved inside the grid.
  const { c: a0, who: r1 } = await submitAs('YHM0101000', { category: 'WATER' });
  const a = await api.ok(resident(r1.residentId), 'rateJointCase', await resolveVerify(a0, UNITS.water, WATER), { score: 5 });
  // B: power with a helper, whistle to law (reports) and water (never does, deadline passes), rated 2 → rework.
  const { c: b0 } = await submitAs('YHM0101000', { category: 'POWER' });
  let b = await resolveVerify(b0, UNITS.power, POWER, async (c) => {
    c = await withEnv('CG_WHISTLE_REPORT_MINUTES', '0.02', () => api.ok(GRID_WORKER, 'blowWhistle', c, { unitIds: [UNITS.law, UNITS.water] }));
    c = await api.ok(LAW, 'reportToWhistle', c, { unitId: UNITS.law });
    await sleep(1500);
    return c;
  });
  b = await api.ok(resident(r1.residentId), 'rateJointCase', b, { score: 2 });
  expect(b.status).toBe('REWORK');
  // C: a dispute dispatched to the community station, not yet accepted. D: an emergency nobody touched, overdue.
  const { c: c0 } = await submitAs('YHM0201000', { category: 'DISPUTE' });
  await api.ok(GRID_WORKER, 'dispatchJointCase', c0, { leadUnitId: UNITS.community });
  await withEnv('CG_CASE_LIMIT_HOURS', 'EMERGENCY=0.0002', () => submitAs('YHM0201000', { category: 'OTHER', urgency: 'EMERGENCY' }));
  // E: a duplicate of A, which the measures leave out.
  const { c: e0 } = await submitAs('YHM0101000', { category: 'WATER' });
  await api.ok(GRID_WORKER, 'markJointCaseDuplicate', e0, { duplicateOfId: a.id });
  await sleep(800);
  const to = new Date(Date.now() + 1000).toISOString();

  const M = `cases dispatched responded handled resolved onTime overdue reworked rated satisfied whistled reportsDue reportsOnTime resolvedInGrid resolvedInCommunity
    responseRate resolutionRate onTimeRate overdueRate reworkRate satisfactionRate whistleRate reportOnTimeRate inGridShare inCommunityShare`;
  const measure = async (scope: Record<string, unknown>) => {
    const { data, errors } = await api.as(SECRETARY, `query($s: JointCaseScope!) { jointCaseMeasures(scope: $s) { ${M} } }`, { s: { from, to, ...scope } });
    expect(errors).toBeUndefined();
    return data.jointCaseMeasures;
  };
  expect(await measure({ communityId })).toEqual({
    cases: 4,
    dispatched: 3,
    responded: 2,
    handled: 2,
    resolved: 2,
    onTime: 2,
    overdue: 1,
    reworked: 1,
    rated: 2,
    satisfied: 1,
    whistled: 1,
    reportsDue: 2,
    reportsOnTime: 1,
    resolvedInGrid: 1,
    resolvedInCommunity: 1,
    responseRate: 2 / 3,
    resolutionRate: 0.5,
    onTimeRate: 1,
    overdueRate: 0.25,
    reworkRate: 0.5,
    satisfactionRate: 0.5,
    whistleRate: 0.25,
    reportOnTimeRate: 0.5,
    inGridShare: 0.5,
    inCommunityShare: 0.5,
  });
  expect(await measure({ gridId: grid1 })).toMatchObject({ cases: 2, dispatched: 2, overdue: 0, resolutionRate: 1, whistleRate: 0.5, satisfactionRate: 0.5 });
  expect(await measure({ unitId: UNITS.law })).toMatchObject({ cases: 1, whistled: 1, reworked: 1 });
  expect(await measure({ gridId: stableId('grid', 'ZB-YHM-06') })).toMatchObject({ cases: 0, responseRate: null, resolutionRate: null });

  const { data: ledgers } = await api.as(
    SECRETARY,
    `query($s: JointCaseScope!) {
    publicSentimentLedger(scope: $s) { grid { id code } category received handled resolved rated satisfied }
    governmentLedger(scope: $s) { unit { id name } received resolved onTime overdue whistleCalls reportedOnTime } }`,
    { s: { from, to, communityId } },
  );
  expect(ledgers.publicSentimentLedger).toEqual(
    [
      { grid: { id: grid1, code: 'ZB-YHM-01' }, category: 'POWER', received: 1, handled: 1, resolved: 1, rated: 1, satisfied: 0 },
      { grid: { id: grid1, code: 'ZB-YHM-01' }, category: 'WATER', received: 1, handled: 1, resolved: 1, rated: 1, satisfied: 1 },
      { grid: { id: grid2, code: 'ZB-YHM-02' }, category: 'DISPUTE', received: 1, handled: 0, resolved: 0, rated: 0, satisfied: 0 },
      { grid: { id: grid2, code: 'ZB-YHM-02' }, category: 'OTHER', received: 1, handled: 0, resolved: 0, rated: 0, satisfied: 0 },
    ].sort((x, y) => x.grid.id.localeCompare(y.grid.id) || x.category.localeCompare(y.category)),
  );
  const rows = Object.fromEntries(ledgers.governmentLedger.map((r: any) => [r.unit.id, { ...r, unit: undefined }]));
  expect(rows).toEqual({
    [UNITS.water]: { unit: undefined, received: 1, resolved: 1, onTime: 1, overdue: 0, whistleCalls: 1, reportedOnTime: 0 },
    [UNITS.power]: { unit: undefined, received: 1, resolved: 0, onTime: 0, overdue: 0, whistleCalls: 0, reportedOnTime: 0 }, // reopened by the poor rating
    [UNITS.law]: { unit: undefined, received: 1, resolved: 0, onTime: 0, overdue: 0, whistleCalls: 1, reportedOnTime: 1 },
    [UNITS.community]: { unit: undefined, received: 1, resolved: 0, onTime: 0, overdue: 0, whistleCalls: 0, reportedOnTime: 0 },
  });
  const bad = await api.as(SECRETARY, `{ jointCaseMeasures(scope: { from: "${to}", to: "${from}" }) { cases } }`);
  expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
});

test('督单: the supervision list holds overdue cases and those due within the window, soonest first', async () => {
  const grid3 = stableId('grid', 'ZB-YHM-03');
  const { c: soon } = await submitAs('YHM0301000', { category: 'GAS', urgency: 'EMERGENCY' }); // due in 2 h
  const { c: late } = await withEnv('CG_CASE_LIMIT_HOURS', 'EMERGENCY=0.0001', () => submitAs('YHM0301000', { category: 'GAS', urgency: 'EMERGENCY' }));
  const { c: later } = await submitAs('YHM0301000', { category: 'DISPUTE' }); // due in 7 days
  await sleep(500);
  const list = async (hours: number, first = 20, after?: string) =>
    (
      await api.as(
        SECRETARY,
        `query($h: Float, $g: ID, $f: Int, $a: String) { supervisionList(withinHours: $h, gridId: $g, first: $f, after: $a) {
      totalCount edges { node { id dueAt overdue } } pageInfo { hasNextPage endCursor } } }`,
        { h: hours, g: grid3, f: first, a: after },
      )
    ).data.supervisionList;
  const ids = (page: any) => page.edges.map((e: any) => e.node.id);
  const now0 = await list(0);
  expect(ids(now0)).toContain(late.id);
  expect(ids(now0)).not.toContain(soon.id);
  expect(now0.edges.every((e: any) => e.node.overdue)).toBe(true);
  const three = await list(3);
  expect(ids(three)).toEqual(expect.arrayContaining([late.id, soon.id]));
  expect(ids(three)).not.toContain(later.id);
  const dues = three.edges.map((e: any) => e.node.dueAt);
  expect(dues).toEqual([...dues].sort());
  // Keyset pages: no overlap, nothing lost.
  const p1 = await list(3, 1);
  const p2 = await list(3, 50, p1.pageInfo.endCursor);
  expect([...ids(p1), ...ids(p2)]).toEqual(ids(three));
  // Once handled the case leaves the list.
  await api.ok(GRID_WORKER, 'markJointCaseDuplicate', soon, { duplicateOfId: late.id });
  expect(ids(await list(3))).not.toContain(soon.id);
});

test('三清单: problems by category, the 1+3+N roster, and what each unit leads', async () => {
  const { data, errors } = await api.as(
    SECRETARY,
    `{ threeLists(communityId: "${communityId}") {
    problems { category open overdue } resources { id kind name } responsibilities { unit { id } categories openLeadTasks } } }`,
  );
  expect(errors).toBeUndefined();
  expect(data.threeLists.resources.map((u: any) => u.id).sort()).toEqual(world.party!.ResponseUnit!.map((u) => u._id).sort());
  // Cross-check against the case list itself.
  const open = ['SUBMITTED', 'DISPATCHED', 'TRANSFERRED', 'ACCEPTED', 'IN_PROGRESS', 'REWORK', 'RETURNED', 'DEFERRAL_REQUESTED', 'DEFERRED'];
  const { data: cases } = await api.as(
    SECRETARY,
    `{ jointCases(filter: { communityId: "${communityId}", status: [${open.join(',')}] }, first: 100) {
    totalCount edges { node { category overdue leadUnit { id } tasks { unit { id } role status } } } } }`,
  );
  expect(cases.jointCases.totalCount).toBeLessThanOrEqual(100);
  const nodes = cases.jointCases.edges.map((e: any) => e.node);
  const expected: Record<string, number> = {};
  for (const n of nodes) expected[n.category] = (expected[n.category] ?? 0) + 1;
  expect(Object.fromEntries(data.threeLists.problems.map((p: any) => [p.category, p.open]))).toEqual(expected);
  for (const p of data.threeLists.problems) expect([p.category, p.overdue]).toEqual([p.category, nodes.filter((n: any) => n.category === p.category && n.overdue).length]);
  const leads = (unitId: string) =>
    nodes.filter((n: any) => n.tasks.some((t: any) => t.unit.id === unitId && t.role === 'LEAD' && ['PENDING', 'ACCEPTED'].includes(t.status))).length;
  for (const r of data.threeLists.responsibilities) expect([r.unit.id, r.openLeadTasks]).toEqual([r.unit.id, leads(r.unit.id)]);
});

test('the dossier query crosses all four departments, as docs/operations/case-dossier.graphql documents it', async () => {
  const { c, who } = await submitAs('YHM0101000', { category: 'EMPLOYMENT' });
  await api.ok(SECRETARY, 'inquireJointCase', c, { note: '问单' });
  const { query } = exampleOperation('docs/operations/case-dossier.graphql');
  // Sensitive fields need a signed-in caller (docs/policy.md): the grid worker handling the case sees them in full.
  const handler = { ...GRID_WORKER, purpose: 'CASE_HANDLING' };
  expect((await api.as(null, query, { id: c.id })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED'); // 401: no token
  const { data, errors } = await api.as(handler, query, { id: c.id });
  expect(errors).toBeUndefined();
  const d = data.jointCase;
  const civil = world['civil-affairs']!;
  const r = civil.Resident!.find((x) => x._id === who.residentId)!;
  const household = civil.Household!.find((h) => h._id === r.householdId)!;
  const unit = world.property!.Unit!.find((u) => u._id === household.unitId)!;
  const building = world.property!.Building!.find((b) => b._id === unit.buildingId)!;
  const estate = world.property!.Estate!.find((e) => e._id === building.estateId)!;
  const company = world.property!.PropertyCompany!.find((p) => p._id === estate.propertyCompanyId)!;
  const branch = world.party!.PartyOrganization!.find((o) => o.level === 'BRANCH' && (o.coveredGridIds as string[]).includes(building.gridId as string))!;
  const record = world.employment!.EmploymentRecord!.find((x) => x.residentId === who.residentId);
  expect(d.reporter).toMatchObject({ name: r.name, phone: r.phone });
  expect(d.reporter.household.fileNumber).toBe(household.fileNumber);
  expect(d.reporter.household.dwelling.label).toBe(`${building.number}${unit.entrance}${unit.room}`);
  expect(d.reporter.household.dwelling.building.estate).toMatchObject({ name: estate.name, propertyCompany: { name: company.name } });
  expect(d.reporter.employmentStatus?.status ?? null).toBe(record?.status ?? null);
  expect(d.dwelling.label).toBe(d.reporter.household.dwelling.label);
  expect(d.building.number).toBe(building.number);
  expect(d.grid.code).toBe(civil.Grid!.find((g) => g._id === building.gridId)!.code);
  expect(d.gridBranch.name).toBe(branch.name);
  expect(d.gridBranch.members.totalCount).toBe(world.party!.PartyMember!.filter((m) => m.organizationId === branch._id).length);
  expect(d.community.name).toBe('义合美新城社区');
  expect(d.inquiries).toEqual([expect.objectContaining({ note: '问单' })]);
  expect(d.history.map((e: any) => e.step)).toEqual(['SUBMIT', 'INQUIRE']);

  const { data: mine } = await api.as(handler, `{ resident(id: "${who.residentId}") { jointCases(first: 100) { totalCount edges { node { id reporter { id } } } } } }`);
  expect(mine.resident.jointCases.edges.map((e: any) => e.node.id)).toContain(c.id);
  expect(mine.resident.jointCases.edges.every((e: any) => e.node.reporter.id === who.residentId)).toBe(true);
});

test('case lists filter, page by keyset and batch their units (one query per entity type)', async () => {
  const all: string[] = [];
  let after: string | null = null;
  let total = 0;
  do {
    const { data, errors }: any = await api.as(
      SECRETARY,
      `query($a: String) { jointCases(first: 7, after: $a) { totalCount edges { node { id submittedAt } } pageInfo { hasNextPage endCursor } } }`,
      { a: after },
    );
    expect(errors).toBeUndefined();
    total = data.jointCases.totalCount;
    all.push(...data.jointCases.edges.map((e: any) => e.node.id));
    after = data.jointCases.pageInfo.hasNextPage ? data.jointCases.pageInfo.endCursor : null;
  } while (after);
  expect(all.length).toBe(total);
  expect(new Set(all).size).toBe(total);
  const closed = await api.as(SECRETARY, '{ jointCases(filter: { status: [CLOSED] }) { totalCount edges { node { status } } } }');
  expect(closed.data.jointCases.totalCount).toBe(world.party!.JointCase!.filter((c) => c.status === 'CLOSED').length);

  const party = observeCommands(stack.departments.party!.connection);
  const { errors } = await api.as(SECRETARY, '{ jointCases(first: 20) { edges { node { leadUnit { name } helperUnits { name } gridBranch { name } tasks { unit { kind } } } } } }');
  party.stop();
  expect(errors).toBeUndefined();
  const finds = party.commands.filter((c) => c.name === 'find').map((c) => c.collection);
  expect(finds.filter((c) => c === 'response_units')).toHaveLength(1);
  expect(finds.filter((c) => c === 'party_organizations')).toHaveLength(1);
  expect((await api.as(SECRETARY, '{ jointCases(after: "nonsense") { totalCount } }')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});
