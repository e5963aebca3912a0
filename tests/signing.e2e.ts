import { encodeIdentity, HEADERS, observeCommands, signedHeaders, stableId, type World } from '@cg/kit';
import { buildWorld, DIRECT_CALLER, postGraphQL, startStack, type Stack } from '@cg/kit/testing';

// Straight to a department, past the gateway: only requests the gateway (or a peer) signed for THIS department,
// with this body and identity, within the replay window and only once, are executed. Injection payloads return no data.
let stack: Stack;
let world: World;
beforeAll(async () => {
  world = await buildWorld('small');
  stack = await startStack();
}, 120_000);
afterAll(() => stack.stop());

const ENTITY: Record<string, [string, string, string]> = {
  'civil-affairs': ['Resident', 'civil-affairs', 'Resident'],
  party: ['PartyMember', 'party', 'PartyMember'],
  employment: ['Employer', 'employment', 'Employer'],
  property: ['Unit', 'property', 'Unit'],
};
const entitiesQuery = (type: string) => `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${type} { id } } }`;
const anyId = (department: string) => world[ENTITY[department]![1]]![ENTITY[department]![2]]![0]!._id;

async function send(url: string, body: string, headers: Record<string, string>, method = 'POST') {
  const response = await fetch(url, { method, headers: { 'content-type': 'application/json', ...headers }, ...(method === 'POST' ? { body } : {}) });
  return { status: response.status, body: (await response.json().catch(() => null)) as any };
}

describe.each(['civil-affairs', 'party', 'employment', 'property'])('%s refuses what the gateway did not sign', (department) => {
  const url = () => stack.departments[department]!.url;
  const body = () => JSON.stringify({ query: entitiesQuery(ENTITY[department]![0]), variables: { r: [{ __typename: ENTITY[department]![0], id: anyId(department) }] } });
  const other = department === 'party' ? 'property' : 'party';

  test('a correctly signed _entities call is answered', async () => {
    const { status, body: answer } = await send(url(), body(), signedHeaders(department, body(), DIRECT_CALLER, 'req-ok-0001'));
    expect(status).toBe(200);
    expect(answer.data._entities).toEqual([{ id: anyId(department) }]);
  });

  test.each([
    ['unsigned', () => ({}), 'unsigned'],
    ["signed with another department's secret", () => signedHeaders(other, body(), DIRECT_CALLER, 'r1'), 'bad signature'],
    ['signed for another body', () => signedHeaders(department, body().replace('"id"', '"id" '), DIRECT_CALLER, 'r2'), 'bad signature'],
    [
      'with the identity swapped after signing',
      () => ({ ...signedHeaders(department, body(), DIRECT_CALLER, 'r3'), [HEADERS.identity]: encodeIdentity({ ...DIRECT_CALLER, role: 'AUDITOR' }) }),
      'bad signature',
    ],
    ['with the request id swapped after signing', () => ({ ...signedHeaders(department, body(), DIRECT_CALLER, 'r4'), [HEADERS.requestId]: 'r5' }), 'bad signature'],
    ['with a garbage signature', () => ({ ...signedHeaders(department, body(), DIRECT_CALLER, 'r6'), [HEADERS.signature]: 'zz' }), 'bad signature'],
    ['signed 61 s ago', () => signedHeaders(department, body(), DIRECT_CALLER, 'r7', Date.now() - 61_000), 'stale'],
    ['signed 61 s in the future', () => signedHeaders(department, body(), DIRECT_CALLER, 'r8', Date.now() + 61_000), 'stale'],
  ])('_entities %s → 401 before any database command', async (_, headers, reason) => {
    const watch = observeCommands(stack.departments[department]!.connection);
    const { status, body: answer } = await send(url(), body(), headers());
    watch.stop();
    expect({ status, code: answer?.errors?.[0]?.extensions?.code, reason: answer?.errors?.[0]?.extensions?.reason, data: answer?.data }).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
      reason,
      data: undefined,
    });
    expect(watch.commands).toEqual([]);
  });

  test('a replayed request → 401 the second time', async () => {
    const headers = signedHeaders(department, body(), DIRECT_CALLER, 'req-replay-1');
    expect((await send(url(), body(), headers)).status).toBe(200);
    const again = await send(url(), body(), headers);
    expect({ status: again.status, reason: again.body.errors[0].extensions.reason }).toEqual({ status: 401, reason: 'replayed' });
  });

  test('_service and GET requests need a signature too', async () => {
    const sdl = JSON.stringify({ query: '{ _service { sdl } }' });
    expect((await send(url(), sdl, {})).status).toBe(401);
    expect((await send(`${url()}?query=${encodeURIComponent('{ _service { sdl } }')}`, '', {}, 'GET')).status).toBe(401);
    const signed = await send(url(), sdl, signedHeaders(department, sdl, DIRECT_CALLER, 'req-sdl-1'));
    expect(signed.body.data._service.sdl).toContain('@key');
  });

  test.each([
    ['an operator object', { $ne: null }],
    ['a $gt operator', { $gt: '' }],
    ['an array', [stableId('x')]],
    ['a number', 42],
    ['a regex-shaped string', '.*'],
  ])('_entities with %s where the id belongs is refused with no data', async (_, id) => {
    const watch = observeCommands(stack.departments[department]!.connection);
    const { status, body: answer } = await postGraphQL(url(), entitiesQuery(ENTITY[department]![0]), { r: [{ __typename: ENTITY[department]![0], id }] });
    watch.stop();
    expect(status).toBe(200);
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(watch.commands.filter((c) => c.collection !== 'audit_records')).toEqual([]);
  });
});

test('operator objects in variables through the gateway are refused before any resolver runs', async () => {
  for (const [query, variables] of [
    ['query($id: ID!) { resident(id: $id) { id } }', { id: { $ne: null } }],
    ['query($id: ID!) { partyMember(id: $id) { id } }', { id: { $gt: '' } }],
    ['query($s: String) { civilAffairsAuditRecords(subject: $s) { totalCount } }', { s: { $ne: null } }],
  ] as const) {
    const { status, body } = await stack.post(query, variables, { as: 'auditor' });
    expect({ status, code: body.errors?.[0]?.extensions?.code, data: body.data }).toEqual({ status: 400, code: 'BAD_USER_INPUT', data: undefined });
  }
});

test("a department asking a peer signs as itself (role SERVICE), with the peer's secret", async () => {
  const resident = stableId('resident', 'YHM0101000', 0);
  const { createPeerClient } = await import('@cg/kit');
  await expect(createPeerClient('party', 'req-peer-1').requireEntities('civil-affairs', 'Resident', [resident], 'residentId')).resolves.toBeUndefined();
});
