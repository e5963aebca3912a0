import { observeCommands } from '@cg/kit';
import { expectError, snapshot, useStack } from '@cg/kit/testing';
import { allPages } from './support';

// 三必到四必访 visits, assistance, proxy services and disputes through the gateway.
const { stack, world } = useStack();
const civil = () => world()['civil-affairs']!;

/** Adults with no seeded care profile, so their schedule is exactly what the test sets up. */
const unflagged = () => {
  const profiled = new Set(civil().CareProfile!.map((p) => p.residentId));
  return civil().Resident!.filter((r) => !profiled.has(r._id) && r.relationToHead === '户主');
};
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The required-visit due date from the rules as stated in the issue (四必访 intervals, 三必到 deadlines). */
function expectedDue(p: any): string | null {
  const intervals = { ELDERLY_ALONE: 7, HOSPITALISED: 7, UNABLE_TO_SELF_CARE: 14, LOW_INCOME: 30, EXTREME_POVERTY: 30 } as Record<string, number>;
  const days = (p.flags as string[]).map((f) => intervals[f]).filter((d): d is number => d !== undefined);
  const basis = [p.lastVisitedOn, p.flaggedOn].filter(Boolean).sort().at(-1);
  const dates = [...(days.length ? [addDays(basis, Math.min(...days))] : []), ...(p.openEvents as any[]).map((e) => e.dueBy)];
  return dates.sort()[0] ?? null;
}

/** Flags and assistance change only for an assistance review (the SDL's `purposes` on those mutations). */
const REVIEW = { purpose: 'ASSISTANCE_REVIEW' };
const FLAGS = `mutation($id: ID!, $flags: [VulnerabilityFlag!]!, $since: String) { setVulnerabilityFlags(residentId: $id, flags: $flags, since: $since) { nextVisitDue mustVisitGroups } }`;
const VISIT = `mutation($input: RecordVisitInput!) { recordVisit(input: $input) { id visitedOn answeredEvents groups } }`;
const OVERDUE = (asOf: string) => `overdueVisits(asOf: "${asOf}",`;

test('overdue visits as of a date: who is late and by how much, longest first, paginated without gaps', async () => {
  const [a, b, c, d] = unflagged();
  expect((await stack.query(FLAGS, { id: a!._id, flags: ['ELDERLY_ALONE'], since: '2026-10-01' }, REVIEW)).data.setVulnerabilityFlags).toEqual({
    nextVisitDue: '2026-10-08',
    mustVisitGroups: ['ELDERLY_ALONE'],
  });
  await stack.query(FLAGS, { id: b!._id, flags: ['LOW_INCOME'], since: '2026-10-01' }, REVIEW); // due 10-31: not late on 10-30
  await stack.query(FLAGS, { id: c!._id, flags: ['ELDERLY_ALONE', 'DISABILITY'], since: '2026-10-01' }, REVIEW);
  const visit = await stack.query(VISIT, { input: { residentId: c!._id, visitedOn: '2026-10-20', visitorName: '王网格', method: 'HOME', idempotencyKey: 'visit-c-20261020' } });
  expect(visit.data.recordVisit.groups).toEqual(['ELDERLY_ALONE']);
  // 三必到: an emergency on 10-25 is due the same day.
  const event = await stack.query(
    `mutation($id: ID!) { reportMustGoEvent(input: { residentId: $id, event: EMERGENCY, occurredOn: "2026-10-25", idempotencyKey: "event-d-0001" }) { nextVisitDue openEvents { event dueBy } } }`,
    { id: d!._id },
  );
  expect(event.data.reportMustGoEvent).toEqual({ nextVisitDue: '2026-10-25', openEvents: [{ event: 'EMERGENCY', dueBy: '2026-10-25' }] });

  const asOf = '2026-10-30';
  const { nodes, totals } = await allPages(stack, 'overdueVisits', `asOf: "${asOf}",`, 'resident { id } nextVisitDue daysOverdue mustVisitGroups', 10);
  const byResident = new Map(nodes.map((n) => [n.resident.id, n]));
  expect(byResident.get(a!._id)).toMatchObject({ nextVisitDue: '2026-10-08', daysOverdue: 22 });
  expect(byResident.get(c!._id)).toMatchObject({ nextVisitDue: '2026-10-27', daysOverdue: 3 });
  expect(byResident.get(d!._id)).toMatchObject({ nextVisitDue: '2026-10-25', daysOverdue: 5, mustVisitGroups: [] });
  expect(byResident.has(b!._id)).toBe(false);
  // Everyone the rules make late, seeded or not, and nobody else; each once; longest overdue first.
  const profiles = await stack.departments['civil-affairs']!.connection.db!.collection('care_profiles').find().toArray();
  const late = profiles
    .filter((p) => {
      const due = expectedDue(p);
      return due !== null && due < asOf;
    })
    .map((p) => p.residentId)
    .sort();
  expect(nodes.map((n) => n.resident.id).sort()).toEqual(late);
  expect(totals).toEqual([late.length]);
  expect(nodes.map((n) => n.nextVisitDue)).toEqual([...nodes.map((n) => n.nextVisitDue)].sort());

  // A visit on 10-26 answers the emergency; a retry of it changes nothing more.
  const answer = { residentId: d!._id, visitedOn: '2026-10-26', visitorName: '王网格', method: 'HOME', idempotencyKey: 'visit-d-20261026' };
  const answered = await stack.query(VISIT, { input: answer });
  expect(answered.data.recordVisit.answeredEvents).toEqual(['EMERGENCY']);
  expect((await stack.query(VISIT, { input: answer })).data.recordVisit.id).toBe(answered.data.recordVisit.id);
  const after = await stack.query(
    `{ ${OVERDUE(asOf)} first: 100) { totalCount } r: resident(id: "${d!._id}") { visits { totalCount } care { profile { nextVisitDue openEvents { event } } } } }`,
  );
  expect(after.data.overdueVisits.totalCount).toBe(late.length - 1);
  expect(after.data.r).toEqual({ visits: { totalCount: 1 }, care: { profile: { nextVisitDue: null, openEvents: [] } } });

  const group = await stack.query(`{ ${OVERDUE(asOf)} group: ELDERLY_ALONE, gridId: "${a!.gridId}") { edges { node { mustVisitGroups grid { id } } } } }`);
  expect(group.data.overdueVisits.edges.length).toBeGreaterThan(0);
  expect(group.data.overdueVisits.edges.every((e: any) => e.node.mustVisitGroups.includes('ELDERLY_ALONE') && e.node.grid.id === a!.gridId)).toBe(true);
});

test('visit and assistance validation: typed errors that change nothing', async () => {
  const [, , , , e] = unflagged();
  const before = await snapshot(stack, ['civil-affairs']);
  expectError(await stack.query(VISIT, { input: { residentId: e!._id, visitedOn: '2999-01-01', visitorName: '王', method: 'HOME' } }), 'BAD_USER_INPUT', 'visitedOn');
  expectError(await stack.query(VISIT, { input: { residentId: e!._id, visitedOn: '2026-02-30', visitorName: '王', method: 'HOME' } }), 'BAD_USER_INPUT', 'visitedOn');
  expectError(await stack.query(VISIT, { input: { residentId: '0'.repeat(24), visitedOn: '2026-10-01', visitorName: '王', method: 'HOME' } }), 'NOT_FOUND', 'residentId');
  expectError(await stack.query(FLAGS, { id: e!._id, flags: ['LOW_INCOME'], since: '2999-01-01' }, REVIEW), 'BAD_USER_INPUT', 'since');
  const GRANT = `mutation($input: GrantAssistanceInput!) { grantAssistance(input: $input) { id kind status resident { care { flags } } } }`;
  const grant = { residentId: e!._id, kind: 'LOW_INCOME_ALLOWANCE', startDate: '2026-03-01', monthlyAmount: 650, approvedBy: '张北县民政局' };
  expectError(await stack.query(GRANT, { input: grant }), 'FORBIDDEN', 'Mutation.grantAssistance'); // no purpose stated
  expectError(await stack.query(GRANT, { input: { ...grant, endDate: '2026-02-01' } }, REVIEW), 'BAD_USER_INPUT', 'endDate');
  expectError(await stack.query(GRANT, { input: { ...grant, monthlyAmount: -5 } }, REVIEW), 'BAD_USER_INPUT', 'monthlyAmount');
  expect(await snapshot(stack, ['civil-affairs'])).toBe(before);

  const granted = await stack.query(GRANT, { input: { ...grant, idempotencyKey: 'grant-e-lowincome' } }, REVIEW);
  expect(granted.data.grantAssistance).toMatchObject({ kind: 'LOW_INCOME_ALLOWANCE', status: 'ACTIVE', resident: { care: { flags: ['LOW_INCOME'] } } });
  expect((await stack.query(GRANT, { input: { ...grant, idempotencyKey: 'grant-e-lowincome' } }, REVIEW)).data.grantAssistance.id).toBe(granted.data.grantAssistance.id);
  const CHANGE = `mutation($id: ID!, $status: AssistanceStatus!, $end: String) { changeAssistanceStatus(id: $id, status: $status, endDate: $end) { status endDate } }`;
  expectError(await stack.query(CHANGE, { id: granted.data.grantAssistance.id, status: 'ENDED', end: '2026-01-01' }, REVIEW), 'BAD_USER_INPUT', 'endDate');
  expect((await stack.query(CHANGE, { id: granted.data.grantAssistance.id, status: 'ENDED', end: '2026-09-30' }, REVIEW)).data.changeAssistanceStatus).toEqual({
    status: 'ENDED',
    endDate: '2026-09-30',
  });
  expectError(await stack.query(CHANGE, { id: granted.data.grantAssistance.id, status: 'ACTIVE' }, REVIEW), 'CONFLICT', 'status');
  const listed = await stack.query(`{ assistanceRecords(filter: { residentId: "${e!._id}", kind: LOW_INCOME_ALLOWANCE }) { totalCount edges { node { status } } } }`);
  expect(listed.data.assistanceRecords).toEqual({ totalCount: 1, edges: [{ node: { status: 'ENDED' } }] });
  const seededActive = civil().AssistanceRecord!.filter((r) => r.kind === 'LOW_INCOME_ALLOWANCE' && r.status === 'ACTIVE').length;
  expect((await stack.query('{ assistanceRecords(filter: { kind: LOW_INCOME_ALLOWANCE, status: ACTIVE }) { totalCount } }')).data.assistanceRecords.totalCount).toBe(seededActive);
});

test('proxy service lifecycle: requested → accepted → completed; illegal moves are CONFLICT', async () => {
  const resident = unflagged()[6]!;
  const created = await stack.query(
    `mutation($id: ID!) { requestProxyService(input: { residentId: $id, item: MEDICAL_INSURANCE, channel: DOORSTEP, idempotencyKey: "proxy-0001" }) { id status } }`,
    { id: resident._id },
  );
  const id = created.data.requestProxyService.id;
  const MOVE = `mutation($id: ID!, $s: ProxyServiceStatus!, $h: String) { advanceProxyService(id: $id, status: $s, handlerName: $h) { status handlerName completedOn history { status } } }`;
  expectError(await stack.query(MOVE, { id, s: 'ACCEPTED' }), 'BAD_USER_INPUT', 'handlerName');
  expectError(await stack.query(MOVE, { id, s: 'COMPLETED', h: '刘办' }), 'CONFLICT', 'status');
  expect((await stack.query(MOVE, { id, s: 'ACCEPTED', h: '刘代办' })).data.advanceProxyService).toMatchObject({ status: 'ACCEPTED', handlerName: '刘**' });
  const done = (await stack.query(MOVE, { id, s: 'COMPLETED' })).data.advanceProxyService;
  expect(done.history.map((h: any) => h.status)).toEqual(['REQUESTED', 'ACCEPTED', 'COMPLETED']);
  expect(done.completedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expectError(await stack.query(MOVE, { id, s: 'CANCELLED' }), 'CONFLICT', 'status');
  const mine = await stack.query(`{ proxyServices(filter: { residentId: "${resident._id}", status: COMPLETED, channel: DOORSTEP }) { totalCount } }`);
  expect(mine.data.proxyServices.totalCount).toBe(1);
});

test('a family dispute brings must-go visits to its resident parties and is mediated to resolution', async () => {
  const household = civil().Household!.find((h) => civil().Resident!.filter((r) => r.householdId === h._id).length >= 2)!;
  const [p1, p2] = civil().Resident!.filter((r) => r.householdId === household._id);
  const REPORT = `mutation($input: ReportDisputeInput!) { reportDispute(input: $input) { id status parties { name resident { id } } } }`;
  const input = {
    gridId: household.gridId,
    category: 'FAMILY',
    parties: [{ residentId: p1!._id }, { residentId: p2!._id }],
    description: '夫妻因赡养老人发生争执',
    reportedOn: '2026-10-28',
    idempotencyKey: 'dispute-family-01',
  };
  const before = await snapshot(stack, ['civil-affairs']);
  expectError(await stack.query(REPORT, { input: { ...input, parties: [{ residentId: p1!._id }] } }), 'BAD_USER_INPUT', 'parties');
  expectError(await stack.query(REPORT, { input: { ...input, parties: [{ residentId: p1!._id }, {}] } }), 'BAD_USER_INPUT', 'parties.1');
  expectError(await stack.query(REPORT, { input: { ...input, reportedOn: '2999-01-01' } }), 'BAD_USER_INPUT', 'reportedOn');
  expect(await snapshot(stack, ['civil-affairs'])).toBe(before);

  const reported = await stack.query(REPORT, { input });
  expect(reported.errors).toBeUndefined();
  expect(reported.data.reportDispute.parties.map((p: any) => p.resident.id)).toEqual([p1!._id, p2!._id]);
  await stack.query(REPORT, { input }); // a retry adds no second dispute or event
  const events = await stack.query(
    `{ r: resident(id: "${p1!._id}") { care { profile { openEvents { event dueBy } } } } d: disputes(filter: { residentId: "${p2!._id}", category: FAMILY }) { totalCount } }`,
  );
  expect(events.data.r.care.profile.openEvents).toEqual(expect.arrayContaining([{ event: 'FAMILY_DISPUTE', dueBy: '2026-10-29' }]));
  expect(events.data.r.care.profile.openEvents.filter((e: any) => e.event === 'FAMILY_DISPUTE')).toHaveLength(1);
  expect(events.data.d.totalCount).toBe(1);

  const id = reported.data.reportDispute.id;
  const MOVE = `mutation($id: ID!, $s: DisputeStatus!, $m: String, $o: String) { advanceDispute(id: $id, status: $s, mediatorName: $m, outcome: $o, on: "2026-10-30") { status mediatedOn resolvedOn } }`;
  expectError(await stack.query(MOVE, { id, s: 'RESOLVED', o: 'x' }), 'CONFLICT', 'status');
  expectError(await stack.query(MOVE, { id, s: 'MEDIATING' }), 'BAD_USER_INPUT', 'mediatorName');
  await stack.query(MOVE, { id, s: 'MEDIATING', m: '调解员老张' });
  expectError(await stack.query(MOVE, { id, s: 'MEDIATED' }), 'BAD_USER_INPUT', 'outcome');
  expect((await stack.query(MOVE, { id, s: 'MEDIATED', o: '双方达成赡养协议' })).data.advanceDispute).toMatchObject({ status: 'MEDIATED', mediatedOn: '2026-10-30' });
  expect((await stack.query(MOVE, { id, s: 'RESOLVED' })).data.advanceDispute).toMatchObject({ status: 'RESOLVED', resolvedOn: '2026-10-30' });
});

test('list relations are batched: the commands a page costs do not grow with the page size', async () => {
  const selection = `edges { node { id household { fileNumber members { id } subGrids { code } } grid { code children { code } }
    care { flags assistance { edges { node { kind } } } profile { nextVisitDue } } proxyServices { totalCount edges { node { item } } } civilityPoints { balance } } }`;
  const gridId = civil().Grid!.find((g) => g.code === 'ZB-YHM-03')!._id;
  const costs: Array<Record<string, number>> = [];
  for (const first of [5, 60]) {
    const watch = observeCommands(stack.departments['civil-affairs']!.connection);
    const { data, errors } = await stack.query(`{ residents(filter: { gridId: "${gridId}" }, first: ${first}) { ${selection} } }`);
    watch.stop();
    expect(errors).toBeUndefined();
    expect(data.residents.edges).toHaveLength(first);
    costs.push(watch.commands.reduce<Record<string, number>>((acc, c) => ({ ...acc, [`${c.name} ${c.collection}`]: (acc[`${c.name} ${c.collection}`] ?? 0) + 1 }), {}));
  }
  expect(costs[1]).toEqual(costs[0]);
  // One query per relation: residents (page + members), households, grids, profiles, assistance, services, accounts.
  for (const collection of ['households', 'care_profiles', 'assistance_records', 'proxy_services', 'civility_points_accounts']) {
    expect(costs[1]![`find ${collection}`]).toBe(1);
  }
  expect(costs[1]!['count residents']).toBe(1); // totalCount
  expect(costs[1]!['find residents']).toBe(2); // the page, and every household's members in one $in
  expect(Object.values(costs[1]!).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(14);
});
