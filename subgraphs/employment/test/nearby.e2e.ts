import { stableId, type World } from '@cg/kit';
import { buildWorld, expectError, snapshot, startStack, type Stack } from '@cg/kit/testing';

// 就近就业: employers within N metres of an estate, the estate's centre coming from property through federation.
let stack: Stack;
let world: World;
beforeAll(async () => {
  world = await buildWorld('small');
  stack = await startStack({ as: 'employment-clerk' });
}, 120_000);
afterAll(() => stack.stop());

type Located = { _id: string; name: string; latitude?: number; longitude?: number };
/** An independent distance: the equirectangular approximation, within a metre of the great circle at these ranges. */
const approx = (a: Located, b: Located) => {
  const rad = Math.PI / 180;
  const x = (b.longitude! - a.longitude!) * rad * Math.cos(((a.latitude! + b.latitude!) / 2) * rad);
  const y = (b.latitude! - a.latitude!) * rad;
  return Math.hypot(x, y) * 6_371_008.8;
};
const estateId = stableId('estate', '义合美新城一区');
const NEARBY = `query($id: ID!, $m: Int!, $n: Int, $a: String) { estate(id: $id) { name latitude longitude
  employersNearby(withinMetres: $m, first: $n, after: $a) { totalCount edges { cursor distanceMetres node { id name } } pageInfo { hasNextPage endCursor } } } }`;

test('employers within 1 km and 5 km of an estate, nearest first, distances in whole metres', async () => {
  const estate = world.property!.Estate!.find((e) => e._id === estateId) as unknown as Located;
  const employers = world.employment!.Employer! as unknown as Located[];
  for (const metres of [1000, 5000]) {
    const expected = employers.filter((e) => e.latitude != null && approx(estate, e) <= metres).sort((a, b) => approx(estate, a) - approx(estate, b));
    expect(expected.length).toBeGreaterThan(0);
    const { data, errors } = await stack.query(NEARBY, { id: estateId, m: metres });
    expect(errors).toBeUndefined();
    expect(data.estate).toMatchObject({ latitude: estate.latitude, longitude: estate.longitude });
    const nearby = data.estate.employersNearby;
    expect(nearby.totalCount).toBe(expected.length);
    expect(nearby.edges.map((e: any) => e.node.id)).toEqual(expected.map((e) => e._id));
    for (const [i, edge] of nearby.edges.entries()) expect(Math.abs(edge.distanceMetres - approx(estate, expected[i]!))).toBeLessThan(2);
  }
  // The factory across town is outside 1 km but inside 5 km; nothing is beyond the seeded three.
  const within1 = (await stack.query(NEARBY, { id: estateId, m: 1000 })).data.estate.employersNearby.totalCount;
  const within5 = (await stack.query(NEARBY, { id: estateId, m: 5000 })).data.estate.employersNearby.totalCount;
  expect(within5).toBeGreaterThan(within1);
});

test('pages of one: the cursors walk every employer once, in order; a foreign cursor and sizes out of range are refused', async () => {
  const all = (await stack.query(NEARBY, { id: estateId, m: 5000 })).data.estate.employersNearby;
  const seen: string[] = [];
  let after: string | null = null;
  do {
    const page: any = (await stack.query(NEARBY, { id: estateId, m: 5000, n: 1, a: after })).data.estate.employersNearby;
    expect(page.totalCount).toBe(all.totalCount);
    seen.push(...page.edges.map((e: any) => e.node.id));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  expect(seen).toEqual(all.edges.map((e: any) => e.node.id));
  expectError(await stack.query(NEARBY, { id: estateId, m: 5000, n: 1, a: 'bogus' }), 'BAD_USER_INPUT', 'after');
  expectError(await stack.query(NEARBY, { id: estateId, m: 5000, n: 101 }), 'BAD_USER_INPUT', 'first');
  expectError(await stack.query(NEARBY, { id: estateId, m: 0 }), 'BAD_USER_INPUT', 'withinMetres');
  expectError(await stack.query(NEARBY, { id: estateId, m: 5001 }), 'BAD_USER_INPUT', 'withinMetres');
});

test('an estate without a surveyed centre has nobody nearby; an anonymous caller is refused', async () => {
  const unsurveyed = world.property!.Estate!.find((e) => (e as unknown as Located).latitude == null)!;
  const { data, errors } = await stack.query(NEARBY, { id: unsurveyed._id, m: 5000 });
  expect(errors).toBeUndefined();
  expect(data.estate.employersNearby).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  expectError(await stack.query(NEARBY, { id: estateId, m: 1000 }, { as: null }), 'UNAUTHENTICATED');
});

test('a new employer with coordinates is found near the estate; half a location is refused and changes nothing', async () => {
  const CREATE = 'mutation($input: CreateEmployerInput!) { createEmployer(input: $input) { id latitude longitude } }';
  const input = { name: '义合美社区工坊', kind: 'ASSISTANCE_WORKSHOP', address: '义合美新城一区3号楼底商', jobsProvided: 12 };
  const before = await snapshot(stack, ['employment']);
  expectError(await stack.query(CREATE, { input: { ...input, latitude: 41.158 } }), 'BAD_USER_INPUT', 'longitude');
  expectError(await stack.query(CREATE, { input: { ...input, latitude: 91, longitude: 114.705 } }), 'BAD_USER_INPUT', 'latitude');
  expect(await snapshot(stack, ['employment'])).toBe(before);
  const created = await stack.query(CREATE, { input: { ...input, latitude: 41.1581, longitude: 114.7051 } });
  expect(created.errors).toBeUndefined();
  const nearby = (await stack.query(NEARBY, { id: estateId, m: 100 })).data.estate.employersNearby;
  expect(nearby.edges[0].node.id).toBe(created.data.createEmployer.id);
  expect(nearby.edges[0].distanceMetres).toBeLessThan(20);
});
