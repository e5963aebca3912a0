import { stableId } from '@cg/kit';
import { expectError, useStack } from '@cg/kit/testing';

// Lists below an entity page like the root lists: `first` (at most 100), `after`, `totalCount`. The first page of
// many parents is one batched query; its cursors lead on to pages read one query each. Expectations are counted
// from the seeded world.
const { stack, world } = useStack({ as: 'party-secretary' });

/** Every page of `path` below one entity, `size` at a time: the ids in order and the totalCount of each page. */
async function walk(query: string, variables: Record<string, unknown>, pick: (data: any) => any, size: number) {
  const ids: string[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const { data, errors } = await stack.query(query, { ...variables, n: size, a: after });
    expect(errors).toBeUndefined();
    const page = pick(data);
    totals.add(page.totalCount);
    expect(page.edges.length).toBeLessThanOrEqual(size);
    ids.push(...page.edges.map((e: any) => e.node.id));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { ids, totals: [...totals] };
}

test("a grid's residents in pages of 7: one totalCount, every resident once, by name", async () => {
  const gridId = stableId('grid', 'ZB-YHM-01');
  const expected = world()['civil-affairs']!.Resident!.filter((r) => r.gridId === gridId);
  const query = 'query($g: ID!, $n: Int, $a: String) { grid(id: $g) { residents(first: $n, after: $a) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } } }';
  const { ids, totals } = await walk(query, { g: gridId }, (d) => d.grid.residents, 7);
  expect(totals).toEqual([expected.length]);
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort()).toEqual(expected.map((r) => r._id).sort());
});

test("a branch's members and a building's dwellings: batched first pages lead on with their cursors", async () => {
  const branch = world().party!.PartyOrganization!.find((o) => o.level === 'BRANCH' && world().party!.PartyMember!.filter((m) => m.organizationId === o._id).length > 3)!;
  const members = world().party!.PartyMember!.filter((m) => m.organizationId === branch._id);
  const byMembers = await walk(
    'query($o: ID!, $n: Int, $a: String) { partyOrganization(id: $o) { members(first: $n, after: $a) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } } }',
    { o: branch._id },
    (d) => d.partyOrganization.members,
    2,
  );
  expect(byMembers.totals).toEqual([members.length]);
  expect([...byMembers.ids].sort()).toEqual(members.map((m) => m._id).sort());

  const building = world().property!.Building![0]!;
  const units = world().property!.Unit!.filter((u) => u.buildingId === building._id);
  const byUnits = await walk(
    'query($b: ID!, $n: Int, $a: String) { building(id: $b) { units(first: $n, after: $a) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } } }',
    { b: building._id },
    (d) => d.building.units,
    5,
  );
  expect(byUnits.totals).toEqual([units.length]);
  expect([...byUnits.ids].sort()).toEqual(units.map((u) => u._id).sort());
});

test('a page larger than 100, a negative one and a cursor this list did not give out are BAD_USER_INPUT', async () => {
  const gridId = stableId('grid', 'ZB-YHM-01');
  const query = 'query($g: ID!, $n: Int, $a: String) { grid(id: $g) { residents(first: $n, after: $a) { totalCount } } }';
  expectError(await stack.query(query, { g: gridId, n: 101 }), 'BAD_USER_INPUT', 'first');
  expectError(await stack.query(query, { g: gridId, n: -1 }), 'BAD_USER_INPUT', 'first');
  expectError(await stack.query(query, { g: gridId, n: 5, a: 'not-a-cursor' }), 'BAD_USER_INPUT', 'after');
  const nested = '{ communities { grids(first: 101) { totalCount } } }';
  expectError(await stack.query(nested), 'BAD_USER_INPUT', 'first');
});
