import { observeCommands, stableId } from '@cg/kit';
import { postGraphQL, startStack, type Stack } from '@cg/kit/testing';

// Batching proven by the commands each department's driver sends, not by the answer alone.
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
}, 120_000);
afterAll(() => stack.stop());

function watchAll() {
  const watchers = Object.fromEntries(Object.entries(stack.departments).map(([name, d]) => [name, observeCommands(d.connection)]));
  return {
    stop: () => Object.values(watchers).forEach((w) => w.stop()),
    /** department → collection → number of queries (`find`; a `getMore` only continues one of them). */
    queries: () =>
      Object.fromEntries(
        Object.entries(watchers).map(([name, w]) => [
          name,
          w.commands
            .filter((c) => c.name !== 'getMore' && c.collection !== 'audit_records' /* access records: tests/security */)
            .reduce<Record<string, number>>((acc, c) => ({ ...acc, [`${c.name} ${c.collection}`]: (acc[`${c.name} ${c.collection}`] ?? 0) + 1 }), {}),
        ]),
      ),
    commands: (name: string) => watchers[name]!.commands,
  };
}

test('100 entity references resolve with one $in query, keys in request order, null for a miss', async () => {
  const { data: grid } = await stack.query(`{ grid(id: "${stableId('grid', 'ZB-YHM-01')}") { residents(first: 99) { edges { node { id } } } } }`);
  const ids: string[] = grid.grid.residents.edges.map((e: { node: { id: string } }) => e.node.id);
  const missing = '0'.repeat(24);
  const keys = [...ids.slice(0, 50), missing, ...ids.slice(50)];
  expect(keys).toHaveLength(100);
  const watch = watchAll();
  const { body } = await postGraphQL(stack.departments['civil-affairs']!.url, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Resident { id } } }', {
    r: keys.map((id) => ({ __typename: 'Resident', id })),
  });
  watch.stop();
  expect(body.data._entities.map((e: { id: string } | null) => e?.id ?? null)).toEqual(keys.map((k) => (k === missing ? null : k)));
  const finds = watch.commands('civil-affairs');
  expect(finds.map((c) => `${c.name} ${c.collection}`)).toEqual(['find residents']);
  expect(finds[0]!.command.filter._id.$in).toEqual(keys);
});

test('a list of 100+ residents across four departments costs one query per entity type', async () => {
  const gridId = stableId('grid', 'ZB-YHM-03');
  const watch = watchAll();
  const { data, errors } = await stack.query(`{
    grid(id: "${gridId}") {
      residents(first: 99) {
        edges {
          node {
            id
            household { fileNumber dwelling { label building { number } } }
            partyMembership { category organization { name } }
            employmentStatus { status employer { name } }
          }
        }
      }
    }
  }`);
  watch.stop();
  expect(errors).toBeUndefined();
  const residents = data.grid.residents.edges.map((e: any) => e.node);
  expect(residents).toHaveLength(99); // a page of 99 asks for 100 rows, one reply (101 would leave a cursor to kill)
  expect(watch.queries()).toEqual({
    'civil-affairs': { 'find grids': 1, 'count residents': 1, 'find residents': 1, 'find households': 1 },
    property: { 'find units': 1, 'find buildings': 1 },
    party: { 'find party_members': 1, 'find party_organizations': 1 },
    employment: { 'find employment_records': 1, 'find employers': 1 },
  });
  // The one residents-by-grid query, and one households query carrying every household key at once.
  const households = watch.commands('civil-affairs').find((c) => c.collection === 'households')!;
  const expected = new Set(residents.map((r: any) => r.household.fileNumber));
  expect(households.command.filter._id.$in).toHaveLength(expected.size);
});
