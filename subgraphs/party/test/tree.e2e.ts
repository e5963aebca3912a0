import { observeCommands, stableId } from '@cg/kit';
import { useStack } from '@cg/kit/testing';

// Queries through the gateway on the seeded demo world: the tree, filters, sorting, pagination and batching.
const { stack, world } = useStack();
const orgs = () => world().party!.PartyOrganization!;
const members = () => world().party!.PartyMember!;

async function ok(query: string, variables?: Record<string, unknown>) {
  const { data, errors } = await stack.query(query, variables);
  expect(errors).toBeUndefined();
  return data;
}

/** Follows `after` cursors to the end, collecting every node id. */
async function pageThrough(field: string, args: string, first: number) {
  const ids: string[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let guard = 0; guard < 100; guard++) {
    const data = await ok(
      `query($after: String) { ${field}(${args} first: ${first}, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    const page = data[field];
    totalCount = page.totalCount;
    ids.push(...page.edges.map((e: any) => e.node.id));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { ids, totalCount };
}

test('organisations page through with no gaps or repeats, and totalCount counts them all', async () => {
  const { ids, totalCount } = await pageThrough('partyOrganizations', '', 7);
  expect(totalCount).toBe(orgs().length);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.sort()).toEqual(
    orgs()
      .map((o) => o._id)
      .sort(),
  );
});

test('members filtered by organisation subtree and category, newest first, paginated', async () => {
  const branch = orgs().find((o) => o.level === 'BRANCH')!;
  const inSubtree = new Set([
    branch._id,
    ...orgs()
      .filter((o) => (o.ancestorIds as string[]).includes(branch._id))
      .map((o) => o._id),
  ]);
  const expected = members().filter((m) => inSubtree.has(m.organizationId as string));
  const args = `filter: { organizationId: "${branch._id}", includeDescendants: true }, orderBy: JOINED_ON_DESC,`;
  const { ids, totalCount } = await pageThrough('partyMembers', args, 3);
  expect(totalCount).toBe(expected.length);
  expect(ids.sort()).toEqual(expected.map((m) => m._id).sort());
  const data = await ok(`{ partyMembers(${args} first: 100) { edges { node { joinedOn } } } }`);
  const dates = data.partyMembers.edges.map((e: any) => e.node.joinedOn);
  expect(dates).toEqual([...dates].sort().reverse());
  const direct = await ok(`{ partyMembers(filter: { organizationId: "${branch._id}", category: RETIRED }) { totalCount } }`);
  expect(direct.partyMembers.totalCount).toBe(members().filter((m) => m.organizationId === branch._id && m.category === 'RETIRED').length);
});

test('ancestors, descendants and member counts (direct and including everything below)', async () => {
  const central = orgs().find((o) => o.level === 'CENTRAL_HOUSEHOLD')!;
  const committee = orgs().find((o) => o.level === 'COMMUNITY_COMMITTEE')!;
  const data = await ok(`{
    household: partyOrganization(id: "${central._id}") { ancestors { level } }
    committee: partyOrganization(id: "${committee._id}") { memberCount totalMemberCount descendants(first: 100) { totalCount edges { node { id } } } branches: descendants(level: BRANCH) { totalCount } children { totalCount } }
  }`);
  expect(data.household.ancestors.map((o: any) => o.level)).toEqual(['WORKING_COMMITTEE', 'COMMUNITY_COMMITTEE', 'BRANCH', 'GROUP']);
  const below = orgs().filter((o) => (o.ancestorIds as string[]).includes(committee._id));
  expect(data.committee.descendants.totalCount).toBe(below.length);
  expect(data.committee.descendants.edges.map((e: any) => e.node.id).sort()).toEqual(below.map((o) => o._id).sort());
  expect(data.committee.branches.totalCount).toBe(below.filter((o) => o.level === 'BRANCH').length);
  expect(data.committee.children.totalCount).toBeLessThan(below.length);
  expect(data.committee.memberCount).toBe(members().filter((m) => m.organizationId === committee._id).length);
  const subtree = new Set([committee._id, ...below.map((o) => o._id)]);
  expect(data.committee.totalMemberCount).toBe(members().filter((m) => subtree.has(m.organizationId as string)).length);
  expect(data.committee.totalMemberCount).toBeGreaterThan(0);
});

test('a list of organisations with members, counts and ancestors costs a fixed number of queries, however long', async () => {
  const party = stack.departments.party!;
  const run = async (first: number) => {
    const watch = observeCommands(party.connection);
    const data = await ok(`{ partyOrganizations(filter: { level: GROUP }, first: ${first}) { edges { node {
      name memberCount totalMemberCount ancestors { name } members { edges { node { category resident { id } } } } } } } }`);
    watch.stop();
    // Access records (tests/security) are written per sensitive read, not per row: left out of the count.
    const tally = watch.commands
      .filter((c) => c.collection !== 'audit_records')
      .reduce<Record<string, number>>((acc, c) => ({ ...acc, [`${c.name} ${c.collection}`]: (acc[`${c.name} ${c.collection}`] ?? 0) + 1 }), {});
    return { nodes: data.partyOrganizations.edges.length, tally };
  };
  const few = await run(2);
  const many = await run(12);
  expect(many.nodes).toBe(12);
  expect(many.tally).toEqual(few.tally);
  expect(many.tally).toEqual({
    'count party_organizations': 1, // totalCount
    'find party_organizations': 3, // the page, the ancestors by id, the descendants by ancestorIds
    'find party_members': 1, // members of every organisation on the page
    'aggregate party_members': 2, // direct counts; counts of everything below
  });
});

test('lists of the other records are reachable with filters and totals', async () => {
  const p = world().party!;
  const gridId = stableId('grid', 'ZB-YHM-01');
  const data = await ok(`{
    dualRegistrations(first: 2) { totalCount edges { node { workUnit member { category } community { id } } } }
    servicePosts(filter: { gridId: "${gridId}" }) { totalCount edges { node { kind grid { code } claims { edges { node { year } } } } } }
    microWishes(filter: { status: APPROVED }, orderBy: DUE_ON_DESC, first: 100) { totalCount edges { node { dueOn overdue claimedBy { id } } } }
    awardNominations(filter: { quarter: "2026-Q1" }) { totalCount }
    jointBuildingUnits(first: 1) { totalCount edges { node { contactPhone services organization { level } } } }
    liaisonAssignments(first: 1) { totalCount edges { node { kind scores { period } averageScore community { name } } } }
  }`);
  expect(data.dualRegistrations.totalCount).toBe(p.DualRegistration!.length);
  expect(data.dualRegistrations.edges[0].node.member.category).toBe('IN_SERVICE');
  expect(data.servicePosts.totalCount).toBe(5);
  expect(data.servicePosts.edges[0].node.grid.code).toBe('ZB-YHM-01');
  const approved = p.MicroWish!.filter((w) => w.status === 'APPROVED');
  expect(data.microWishes.totalCount).toBe(approved.length);
  const dues = data.microWishes.edges.map((e: any) => e.node.dueOn);
  expect(dues).toEqual([...dues].sort().reverse());
  expect(data.microWishes.edges.filter((e: any) => e.node.overdue)).toHaveLength(approved.filter((w) => (w.doneOn as string) > (w.dueOn as string)).length);
  expect(data.awardNominations.totalCount).toBe(p.AwardNomination!.filter((n) => n.quarter === '2026-Q1').length);
  expect(data.jointBuildingUnits.edges[0].node.contactPhone).toMatch(/^1\d{2}\*{4}\d{4}$/);
  expect(data.liaisonAssignments.edges[0].node.community.name).toBe('义合美新城社区');
  expect(data.liaisonAssignments.edges[0].node.scores).toHaveLength(4);
});

test('a malformed cursor or filter id is BAD_USER_INPUT naming the argument', async () => {
  const cursor = await stack.query('{ partyMembers(after: "nonsense") { totalCount } }');
  expect(cursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  const id = await stack.query('{ partyMembers(filter: { organizationId: "x" }) { totalCount } }');
  expect(id.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.organizationId' });
});
