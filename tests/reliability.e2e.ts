import { stableId } from '@cg/kit';
import { startGateway } from '@cg/gateway';
import { restartDepartment, sleep, startDelayProxy } from './support/faults';
import { devAuthorization, postGraphQL, startStack, type Stack } from '@cg/kit/testing';

// A department that is down, slow or failing costs only its own fields, quickly, and says which one it was.
let stack: Stack;
const residentId = stableId('resident', 'YHM0101000', 0);
const gridId = stableId('grid', 'ZB-YHM-02');
const crossing = `{ resident(id: "${residentId}") { name household { fileNumber dwelling { label } } employmentStatus { status } } }`;
const urlsOf = (s: Stack) => Object.fromEntries(Object.entries(s.departments).map(([name, d]) => [name, d.url]));

let signedIn: Record<string, string>;
beforeAll(async () => {
  stack = await startStack();
  signedIn = await devAuthorization();
}, 120_000);
/** As a civil-affairs clerk, to a gateway of the test's own (built with the development keys). */
const post = (url: string, query: string, variables?: Record<string, unknown>) => postGraphQL(url, query, variables, signedIn);
afterAll(() => stack.stop());

/** A gateway of its own (own breakers), with `env` set while it is built. */
async function gatewayWith(urls: Record<string, string>, env: Record<string, string> = {}) {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await startGateway({ urls });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

test('a dead department: partial answer, its error names it with a code, no URL or body leaks; after restart it answers again', async () => {
  const gateway = await gatewayWith(urlsOf(stack), { BREAKER_RESET_MS: '300' });
  try {
    await stack.departments.property!.stop();
    const { status, body } = await post(gateway.url, crossing);
    expect(status).toBe(200);
    expect(body.data.resident.name).toBeTruthy();
    expect(body.data.resident.household.fileNumber).toBe('YHM0101000');
    expect(body.data.resident.household.dwelling).toBeNull();
    expect(body.data.resident.employmentStatus).not.toBeNull();
    expect(body.errors?.length).toBeGreaterThan(0);
    for (const error of body.errors!) {
      expect(error.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'property' });
    }
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/127\.0\.0\.1|localhost|http:\/\/|ECONNREFUSED|stacktrace/);

    // A cross-department field owned by the dead department is null; the rest of its parent survives.
    const grid = await post(gateway.url, `{ grid(id: "${gridId}") { code buildings { totalCount } partyBranch { name } } }`);
    expect(grid.body.data.grid).toMatchObject({ code: 'ZB-YHM-02', buildings: null, partyBranch: { name: expect.any(String) } });

    await restartDepartment(stack, 'property');
    const started = Date.now();
    let healed = false;
    while (!healed && Date.now() - started < 5000) {
      const again = await post(gateway.url, crossing);
      healed = again.body.errors === undefined && again.body.data.resident.household.dwelling?.label !== undefined;
      if (!healed) await sleep(100);
    }
    expect(healed).toBe(true);
  } finally {
    await gateway.stop();
  }
});

test('an open breaker fails in milliseconds instead of waiting for the timeout', async () => {
  // A department that accepts connections but never answers: without a breaker each request costs the full timeout.
  const proxy = await startDelayProxy(stack.departments.employment!.url, 60_000);
  const gateway = await gatewayWith({ ...urlsOf(stack), employment: proxy.url }, { EMPLOYMENT_TIMEOUT_MS: '1000', BREAKER_VOLUME_THRESHOLD: '2', BREAKER_RESET_MS: '60000' });
  const employmentOnly = `{ employer(id: "${'0'.repeat(24)}") { name } }`;
  try {
    for (let i = 0; i < 3; i++) {
      const { body } = await post(gateway.url, employmentOnly); // each costs the 1 s timeout and opens the breaker
      expect(body.errors?.[0]?.extensions?.code).toMatch(/^SUBGRAPH_/);
    }
    const started = Date.now();
    const { body } = await post(gateway.url, employmentOnly);
    expect(Date.now() - started).toBeLessThan(250);
    expect(body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'employment', reason: 'circuit-open' }) }),
    ]);
    // Other departments' data still comes with it.
    const mixed = await post(gateway.url, crossing);
    expect(mixed.body.data.resident.household.fileNumber).toBe('YHM0101000');
    expect(mixed.body.data.resident.employmentStatus).toBeNull();
    const ready = await fetch(gateway.url.replace(/graphql$/, 'health/ready')).then((r) => r.json() as Promise<any>);
    expect(ready.subgraphs.employment.breaker).toBe('open');
  } finally {
    await gateway.stop();
    await proxy.stop();
  }
}, 30_000);

test('a slow department: SUBGRAPH_TIMEOUT within its budget, every other department answers', async () => {
  const proxy = await startDelayProxy(stack.departments.employment!.url, 5_000);
  const gateway = await gatewayWith({ ...urlsOf(stack), employment: proxy.url }, { EMPLOYMENT_TIMEOUT_MS: '400' });
  try {
    const started = Date.now();
    const { body } = await post(gateway.url, crossing);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(2500);
    expect(body.data.resident.household.dwelling.label).toBeTruthy();
    expect(body.data.resident.employmentStatus).toBeNull();
    expect(body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'SUBGRAPH_TIMEOUT', subgraph: 'employment' }) })]);
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|http:\/\//);

    // Once it is fast again (its own timeout untouched), it answers fully.
    proxy.setDelay(0);
    const fast = await post(gateway.url, crossing);
    expect(fast.body.errors).toBeUndefined();
  } finally {
    await gateway.stop();
    await proxy.stop();
  }
});

test('the overall request deadline cuts a fetch that each department timeout alone would have allowed', async () => {
  // civil affairs answers after 0.8 s, then employment is asked and answers after 1.5 s: each within its own 1.5 s
  // timeout, 2.3 s together. GATEWAY_REQUEST_TIMEOUT_MS=1000 is raised to the floor (longest timeout + 0.5 s = 2 s).
  const civil = await startDelayProxy(stack.departments['civil-affairs']!.url, 800);
  const employment = await startDelayProxy(stack.departments.employment!.url, 1500);
  const gateway = await gatewayWith(
    { ...urlsOf(stack), 'civil-affairs': civil.url, employment: employment.url },
    { SUBGRAPH_TIMEOUT_MS: '1500', GATEWAY_REQUEST_TIMEOUT_MS: '1000' },
  );
  try {
    const started = Date.now();
    const { body } = await post(gateway.url, crossing);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1950);
    expect(elapsed).toBeLessThan(2300);
    expect(body.data.resident.household.fileNumber).toBe('YHM0101000');
    expect(body.errors?.find((e: any) => e.extensions.subgraph === 'employment')?.extensions).toMatchObject({ code: 'SUBGRAPH_TIMEOUT' });
  } finally {
    await gateway.stop();
    await civil.stop();
    await employment.stop();
  }
}, 20_000);

test('mutations are never retried; reads are', async () => {
  // A proxy that drops the first request on the floor (connection reset) and forwards the rest.
  const target = new URL(stack.departments['civil-affairs']!.url);
  const http = await import('node:http');
  let seen = 0;
  const server = http.createServer((req, res) => {
    seen++;
    if (seen === 1) return void req.socket.destroy();
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const up = http.request(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
        (a) => (res.writeHead(a.statusCode!, a.headers), a.pipe(res)),
      );
      up.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const proxyUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`;
  const gateway = await gatewayWith({ ...urlsOf(stack), 'civil-affairs': proxyUrl });
  try {
    const read = await post(gateway.url, `{ grid(id: "${gridId}") { code } }`);
    expect(read.body).toEqual({ data: { grid: { code: 'ZB-YHM-02' } } });
    expect(seen).toBe(2); // reset, then the retry

    seen = 0;
    const write = await post(gateway.url, 'mutation($i: RecordVisitInput!) { recordVisit(input: $i) { id } }', {
      i: { residentId, visitedOn: '2026-01-05', method: 'HOME', visitorName: '网格员', idempotencyKey: 'no-retry-0001' },
    });
    expect(seen).toBe(1);
    expect(write.body.data).toBeNull();
    expect(write.body.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'civil-affairs' });
  } finally {
    await gateway.stop();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});

test('malformed bodies get a 4xx JSON answer without a stack trace', async () => {
  const authorization = `Bearer ${await stack.token('civil-affairs-clerk')}`; // without one: 401 before the body is read
  const bad = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: '{"query": ' });
  expect(bad.status).toBe(400);
  const text = await bad.text();
  expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST');
  expect(text).not.toMatch(/at .*\.js|node_modules/);
});
