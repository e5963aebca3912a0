import { stableId } from '@cg/kit';
import { limitsFromEnv } from '@cg/gateway/limits';
import { startStack, type Stack } from '@cg/kit/testing';

// Hostile documents and callers at the gateway: each refused with a 4xx and a typed GraphQL error, nothing executed.
// The gateway runs with the production settings (NODE_ENV=production) and small limits.
let stack: Stack;
const GRID = stableId('grid', 'ZB-YHM-01');
const RESIDENT = stableId('resident', 'YHM0101000', 0);
beforeAll(async () => {
  stack = await startStack({
    limits: { ...limitsFromEnv({ NODE_ENV: 'production' }), maxDepth: 6, maxAliases: 4, maxTokens: 250, maxCost: 120, bodyLimit: '8kb', ratePoints: 25, rateWindowS: 60 },
  });
}, 120_000);
afterAll(() => stack.stop());

async function refused(query: string, status: number, code: string, message?: RegExp) {
  const answer = await stack.post(query);
  expect({ status: answer.status, code: answer.body.errors?.[0]?.extensions?.code, data: answer.body.data ?? null }).toEqual({ status, code, data: null });
  if (message) expect(answer.body.errors![0].message).toMatch(message);
  return answer.body;
}

test('an ordinary query passes the limits', async () => {
  const { data, errors } = await stack.query(`{ grid(id: "${GRID}") { code name buildings { edges { node { number } } } } }`);
  expect(errors).toBeUndefined();
  expect(data.grid.code).toBe('ZB-YHM-01');
});

test('too deep', () =>
  refused(`{ resident(id: "${RESIDENT}") { household { dwelling { building { estate { propertyCompany { name } } } } } } }`, 400, 'GRAPHQL_VALIDATION_FAILED', /depth/i));

test('too many aliases', () =>
  refused(
    `{ a: grid(id: "${GRID}") { code } b: grid(id: "${GRID}") { code } c: grid(id: "${GRID}") { code } d: grid(id: "${GRID}") { code } e: grid(id: "${GRID}") { code } }`,
    400,
    'GRAPHQL_VALIDATION_FAILED',
    /alias/i,
  ));

test('too many tokens', () => refused(`{ grid(id: "${GRID}") { ${'code '.repeat(300)} } }`, 400, 'GRAPHQL_PARSE_FAILED', /token/i));

test('too costly: a page of 100 costs 100 times one row', async () => {
  const page = (n: number) => `{ civilAffairsAuditRecords(first: ${n}) { totalCount edges { node { id fields } } } }`;
  expect((await stack.query(page(5), {}, { as: 'auditor' })).errors).toBeUndefined();
  const answer = await stack.post(page(100), {}, { as: 'auditor' });
  expect({ status: answer.status, code: answer.body.errors?.[0]?.extensions?.code, data: answer.body.data ?? null }).toEqual({
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    data: null,
  });
  expect(answer.body.errors![0].message).toMatch(/cost/i);
});

test('a body over the size limit → 413', async () => {
  const { status, body } = await stack.post(`{ grid(id: "${GRID}") { code } }`, { padding: 'x'.repeat(9 * 1024) });
  expect({ status, code: body.errors?.[0]?.extensions?.code }).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
});

test('batched HTTP requests are refused', async () => {
  const token = await stack.token('civil-affairs-clerk');
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
  });
  expect(response.status).toBe(400);
  expect(await response.text()).toMatch(/batch/i);
});

test('CSRF prevention: a simple cross-site GET or form POST is refused, even with a token', async () => {
  const authorization = `Bearer ${await stack.token('civil-affairs-clerk')}`;
  const get = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`, { headers: { authorization } });
  expect(get.status).toBe(400);
  const form = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'text/plain', authorization }, body: '{"query":"{ __typename }"}' });
  expect(form.status).toBe(400);
});

test('production mode: no introspection and no field suggestions (even for a signed-in caller), no stack traces', async () => {
  expect(limitsFromEnv({ NODE_ENV: 'production' })).toMatchObject({ introspection: false, blockFieldSuggestions: true, stackTraces: false });
  await refused('{ __schema { types { name } } }', 400, 'GRAPHQL_VALIDATION_FAILED', /introspection/i);
  await refused('{ __type(name: "Resident") { fields { name } } }', 400, 'GRAPHQL_VALIDATION_FAILED', /introspection/i);
  const typo = await refused(`{ gird(id: "${GRID}") { code } }`, 400, 'GRAPHQL_VALIDATION_FAILED');
  expect(JSON.stringify(typo)).not.toMatch(/did you mean/i);
  const fieldTypo = await refused(`{ grid(id: "${GRID}") { cod } }`, 400, 'GRAPHQL_VALIDATION_FAILED');
  expect(fieldTypo.errors![0].message).not.toMatch(/did you mean|\bcode\b/i); // the field it would suggest is `code`
  const bad = await stack.query('{ resident(id: "nope") { id } }');
  expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(JSON.stringify(bad)).not.toMatch(/stacktrace|\.ts:\d+/);
});

test('each caller has its own rate limit: the 26th request in a minute → 429 RATE_LIMITED; others go on', async () => {
  const token = await stack.token('grid-worker', { subject: 'rate-limited-worker' });
  const q = `{ grid(id: "${GRID}") { code } }`;
  for (let i = 0; i < 25; i++) expect((await stack.post(q, {}, { token })).status).toBe(200);
  const over = await stack.post(q, {}, { token });
  expect({ status: over.status, code: over.body.errors?.[0]?.extensions?.code }).toEqual({ status: 429, code: 'RATE_LIMITED' });
  expect(over.body.errors![0].extensions.retryAfterSeconds).toBeGreaterThan(0);
  const someoneElse = await stack.post(q, {}, { token: await stack.token('grid-worker', { subject: 'another-worker' }) });
  expect(someoneElse.status).toBe(200);
});
