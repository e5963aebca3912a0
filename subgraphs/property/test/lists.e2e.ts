import { observeCommands, type World } from '@cg/kit';
import { buildWorld, startStack, type Stack } from '@cg/kit/testing';

// Property's lists through the gateway against the seeded demo world: filters, order, pages without gaps or repeats.
let stack: Stack;
let world: World;
const property = () => world.property!;

beforeAll(async () => {
  world = await buildWorld('small');
  stack = await startStack();
}, 120_000);
afterAll(() => stack.stop());

async function ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const { data, errors } = await stack.query<T>(query, variables);
  expect(errors).toBeUndefined();
  return data!;
}

/** Every page of a connection, following endCursor, with the totalCount each page reported. */
async function walk(field: string, args: string, selection: string, pageSize: number) {
  const nodes: any[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const data: any = await ok(
      `query($after: String) { ${field}(${args} first: ${pageSize}, after: $after) { totalCount edges { cursor node { ${selection} } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    const page = data[field];
    totals.add(page.totalCount);
    nodes.push(...page.edges.map((e: any) => e.node));
    if (!page.pageInfo.hasNextPage) return { nodes, totals };
    after = page.pageInfo.endCursor;
  }
  throw new Error('pagination did not end');
}

test('service orders by status and estate: pages of 7 add up to totalCount, no gaps or repeats, newest first', async () => {
  const estateId = property().Estate![0]!._id;
  const expected = property().ServiceOrder!.filter((o) => o.estateId === estateId && ['RATED', 'DONE'].includes(String(o.status)));
  expect(expected.length).toBeGreaterThan(7);
  const { nodes, totals } = await walk('serviceOrders', `filter: { estateId: "${estateId}", status: [RATED, DONE] }`, 'id status orderedAt estate { id }', 7);
  expect([...totals]).toEqual([expected.length]);
  expect(nodes.map((n) => n.id).sort()).toEqual(expected.map((o) => o._id).sort());
  expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
  const times = nodes.map((n) => n.orderedAt);
  expect(times).toEqual([...times].sort().reverse());
  expect(nodes.every((n) => n.estate.id === estateId && ['RATED', 'DONE'].includes(n.status))).toBe(true);
});

test('service orders in a Beijing date range, and best rated first (rated orders only)', async () => {
  const from = '2026-09-01';
  const to = '2026-09-30';
  const inRange = property().ServiceOrder!.filter((o) => {
    const day = new Date(new Date(String(o.orderedAt)).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    return day >= from && day <= to;
  });
  const data = await ok(`{ serviceOrders(filter: { orderedFrom: "${from}", orderedTo: "${to}" }, first: 100) { totalCount } }`);
  expect(data.serviceOrders.totalCount).toBe(inRange.length);
  const rated = property().ServiceOrder!.filter((o) => o.status === 'RATED');
  const { nodes } = await walk('serviceOrders', 'orderBy: RATING_DESC,', 'id rating', 4);
  expect(nodes.map((n) => n.id).sort()).toEqual(rated.map((o) => o._id).sort());
  const ratings = nodes.map((n) => n.rating);
  expect(ratings).toEqual([...ratings].sort((a, b) => b - a));
});

test('estates: unmanaged ones, by company, by name descending; a reversed date range is refused', async () => {
  const unmanaged = property()
    .Estate!.filter((e) => !e.propertyCompanyId)
    .map((e) => e.name)
    .sort();
  expect(unmanaged.length).toBeGreaterThan(0);
  const data = await ok('{ estates(filter: { managed: false }) { totalCount edges { node { name propertyCompany { id } managementHistory { action } } } } }');
  expect(data.estates.totalCount).toBe(unmanaged.length);
  expect(data.estates.edges.map((e: any) => e.node.name)).toEqual(unmanaged);
  expect(data.estates.edges.every((e: any) => e.node.propertyCompany === null)).toBe(true);
  const fallback = property().PropertyCompany!.find((c) => c.isFallbackProvider)!;
  const { nodes } = await walk('estates', `filter: { propertyCompanyId: "${fallback._id}" }, orderBy: NAME_DESC,`, 'name', 2);
  const managed = property()
    .Estate!.filter((e) => e.propertyCompanyId === fallback._id)
    .map((e) => String(e.name));
  expect(nodes.map((n) => n.name)).toEqual(managed.sort().reverse());
  const bad = await stack.query('{ serviceOrders(filter: { orderedFrom: "2026-10-02", orderedTo: "2026-10-01" }) { totalCount } }');
  expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'orderedTo' });
});

test('committees active on a day, cross-appointments of a company, patrols with open issues, coverage', async () => {
  const day = '2026-06-01';
  const active = property().OwnersCommittee!.filter((c) => String(c.termStart) <= day && String(c.termEnd) >= day);
  const committees = await ok(
    `{ ownersCommittees(filter: { activeOn: "${day}" }, first: 100) { totalCount edges { node { kind memberCount members { role resident { id } } } } } }`,
  );
  expect(committees.ownersCommittees.totalCount).toBe(active.length);
  expect(committees.ownersCommittees.edges.every((e: any) => e.node.memberCount === e.node.members.length && e.node.members.length >= 5)).toBe(true);

  const company = property().PropertyCompany!.find((c) => !c.isFallbackProvider)!;
  const appointments = await ok(`{ crossAppointments(filter: { propertyCompanyId: "${company._id}" }) { totalCount edges { node { phone personName propertyCompany { id } } } } }`);
  expect(appointments.crossAppointments.totalCount).toBe(property().CrossAppointment!.filter((a) => a.propertyCompanyId === company._id).length);
  expect(appointments.crossAppointments.edges[0].node.phone).toMatch(/^\d{3}\*{4}\d{4}$/);

  const open = property().EstatePatrol!.filter((p) => Number(p.openIssueCount) > 0);
  const { nodes } = await walk('estatePatrols', 'filter: { hasOpenIssues: true },', 'id date openIssueCount issues { resolved }', 9);
  expect(nodes.map((n) => n.id).sort()).toEqual(open.map((p) => p._id).sort());
  expect(nodes.every((n) => n.openIssueCount === n.issues.filter((i: any) => !i.resolved).length && n.openIssueCount > 0)).toBe(true);

  const date = '2026-10-25';
  const patrolled = new Set(
    property()
      .EstatePatrol!.filter((p) => p.date === date)
      .map((p) => p.estateId),
  );
  const coverage = await ok(`{ patrolCoverage(date: "${date}") { estateCount patrolledCount unpatrolledEstates { id } } }`);
  expect(coverage.patrolCoverage.estateCount).toBe(property().Estate!.length);
  expect(coverage.patrolCoverage.patrolledCount).toBe(patrolled.size);
  expect(coverage.patrolCoverage.unpatrolledEstates.map((e: any) => e.id).sort()).toEqual(
    property()
      .Estate!.filter((e) => !patrolled.has(e._id))
      .map((e) => e._id)
      .sort(),
  );
});

test('a page of 100 units with building, estate and company costs one query per collection', async () => {
  const property = stack.departments.property!;
  const watch = observeCommands(property.connection);
  const data = await ok('{ units(first: 100) { totalCount edges { node { label building { number estate { name propertyCompany { name } } } } } } }');
  watch.stop();
  expect(data.units.edges).toHaveLength(100);
  expect(data.units.totalCount).toBe(world.property!.Unit!.length);
  expect(data.units.edges.every((e: any) => e.node.label.startsWith(e.node.building.number) && e.node.building.estate.name)).toBe(true);
  // getMore and killCursors only continue or close the cursor of a query counted already.
  const counts = watch.commands
    .filter((c) => !['getMore', 'killCursors'].includes(c.name))
    .reduce<Record<string, number>>((acc, c) => ({ ...acc, [`${c.name} ${c.collection}`]: (acc[`${c.name} ${c.collection}`] ?? 0) + 1 }), {});
  // An unfiltered total is a `count` (collection metadata on MongoDB), not a countDocuments aggregate.
  expect(counts).toEqual({ 'count units': 1, 'find units': 1, 'find buildings': 1, 'find estates': 1, 'find property_companies': 1 });
});
