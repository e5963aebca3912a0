import { expectError, useStack } from '@cg/kit/testing';

// Party members by name (按姓名查找党员): civil affairs answers which residents bear the name, party which of them are
// members; expectations are counted from the seeded world.
const { stack, world } = useStack({ as: 'party-secretary' });
const members = () => world().party!.PartyMember!;
const residents = () => world()['civil-affairs']!.Resident!;

const BY_NAME = 'query($name: String) { partyMembers(filter: { name: $name }, first: 100) { totalCount edges { node { id } } } }';

/** The members whose resident bears `name`, from the seeded records. */
function expectedMembers(name: string): string[] {
  const named = new Set(
    residents()
      .filter((r) => r.name === name)
      .map((r) => String(r._id)),
  );
  return members()
    .filter((m) => named.has(String(m.residentId)))
    .map((m) => String(m._id))
    .sort();
}

test("a member's full name finds the members of that name, and only them", async () => {
  const nameOf = new Map(residents().map((r) => [String(r._id), String(r.name)]));
  const name = nameOf.get(String(members()[0]!.residentId))!;
  const { data, errors } = await stack.query(BY_NAME, { name });
  expect(errors).toBeUndefined();
  const found = data.partyMembers.edges.map((e: { node: { id: string } }) => e.node.id).sort();
  expect(found).toEqual(expectedMembers(name));
  expect(data.partyMembers.totalCount).toBe(found.length);
  expect(found.length).toBeGreaterThan(0);
});

test('a name no resident bears finds nobody; a blank name is refused', async () => {
  const { data, errors } = await stack.query(BY_NAME, { name: '无此人名' });
  expect(errors).toBeUndefined();
  expect(data.partyMembers.totalCount).toBe(0);
  expectError(await stack.query(BY_NAME, { name: '  ' }), 'BAD_USER_INPUT', 'filter.name');
});

test('the name search is for those who may list members; the register of names answers departments only', async () => {
  expectError(await stack.query(BY_NAME, { name: 'x' }, { as: 'resident' }), 'FORBIDDEN');
  expectError(await stack.query(BY_NAME, { name: 'x' }, { as: 'property-staff' }), 'FORBIDDEN');
  expectError(await stack.query('{ residentIdsByName(name: "x") }'), 'FORBIDDEN');
});
