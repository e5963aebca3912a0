/**
 * Fault 4: 10,000 hostile or malformed requests at the gateway (bad JSON, wrong content types, huge bodies and
 * queries, deep nesting, operator and script injection, prototype pollution, batches, bad methods). No crash,
 * no 5xx, memory bounded; a good query still answers afterwards. `npm run bench:fault:hostile`
 */
import { stableId } from '@cg/kit';
import { startStack } from '@cg/kit/testing';
import { benchDatabase, report, rssMb, runBench } from './support';

const TOTAL = 10_000;
const CONCURRENCY = 32;
const TIME_LIMIT_MS = 240_000;

type Hostile = { name: string; method?: string; type?: string | null; body?: string | Uint8Array; path?: string };
const residentId = stableId('resident', 'YHM0101000', 0);
const json = (value: unknown) => JSON.stringify(value);
const nested = (depth: number) => `{ ${'a { '.repeat(depth)}b${' }'.repeat(depth)} }`;
const realNesting = (depth: number) =>
  `{ grid(id: "${stableId('grid', 'ZB-YHM-02')}") { ${'community { grids(first: 1) { edges { node { '.repeat(depth)}code${' } } } }'.repeat(depth)} } }`;

const hostile: Hostile[] = [
  { name: 'truncated JSON', body: '{"query": "{ communities { name }' },
  { name: 'not JSON at all', body: 'SELECT * FROM residents; --' },
  { name: 'JSON array (batch of 200)', body: json(Array.from({ length: 200 }, () => ({ query: '{ __typename }' }))) },
  { name: 'JSON scalar', body: '42' },
  { name: 'JSON null', body: 'null' },
  { name: 'query is a number', body: json({ query: 12345 }) },
  { name: 'no query', body: json({ variables: { a: 1 } }) },
  { name: 'body over the 1 MB limit', body: json({ query: `{ __typename } #${'x'.repeat(1_100_000)}` }) },
  { name: '5,000 aliases', body: json({ query: `{ ${Array.from({ length: 5000 }, (_, i) => `a${i}: __typename`).join(' ')} }` }) },
  { name: 'nesting 3,000 deep (unknown fields)', body: json({ query: nested(3000) }) },
  { name: 'real nesting 12 deep', body: json({ query: realNesting(12) }) },
  { name: 'unterminated string', body: json({ query: '{ resident(id: "abc) { name } }' }) },
  { name: 'operator injection in an id', body: json({ query: 'query($id: ID!) { resident(id: $id) { name } }', variables: { id: { $ne: null } } }) },
  { name: 'script injection in an id', body: json({ query: 'query($id: ID!) { resident(id: $id) { name } }', variables: { id: "'; db.dropDatabase(); //" } }) },
  { name: '$where in a variable', body: json({ query: 'query($id: ID!) { resident(id: $id) { name } }', variables: { id: { $where: 'sleep(1000)' } } }) },
  {
    name: 'prototype pollution',
    body: '{"query":"query($id: ID!) { resident(id: $id) { name } }","variables":{"id":"' + residentId + '","__proto__":{"polluted":true}},"__proto__":{"polluted":true}}',
  },
  {
    name: 'mutation with bad input',
    body: json({ query: 'mutation { recordVisit(input: { residentId: "x", visitedOn: "never", method: HOME, visitorName: "网格员" }) { id } }' }),
  },
  {
    name: '500 KB string variable',
    body: json({
      query: 'mutation($i: RecordVisitInput!) { recordVisit(input: $i) { id } }',
      variables: { i: { residentId: residentId, visitedOn: '2026-01-01', method: 'HOME', visitorName: '网格员', notes: '访'.repeat(170_000) } },
    }),
  },
  { name: 'invalid UTF-8', body: new Uint8Array([0x7b, 0x22, 0x71, 0x22, 0x3a, 0xff, 0xfe, 0xc3, 0x28, 0x7d]) },
  { name: 'text/plain (CSRF-style)', type: 'text/plain', body: json({ query: '{ __typename }' }) },
  { name: 'form-encoded', type: 'application/x-www-form-urlencoded', body: 'query=%7B__typename%7D' },
  { name: 'no content type', type: null, body: json({ query: '{ __typename }' }) },
  { name: 'bogus charset', type: 'application/json; charset=ebcdic-xyz', body: json({ query: '{ __typename }' }) },
  {
    name: 'GET with a mutation',
    method: 'GET',
    path: `?query=${encodeURIComponent('mutation { recordVisit(input: {residentId: "x", visitedOn: "2026-01-01", method: HOME, visitorName: "网格员"}) { id } }')}`,
  },
  { name: 'GET garbage', method: 'GET', path: '?query=%7B%7B%7B%7B&variables=%7Bnot-json' },
  { name: 'PUT', method: 'PUT', body: json({ query: '{ __typename }' }) },
  { name: 'DELETE', method: 'DELETE' },
  { name: 'unknown operation name', body: json({ query: 'query A { __typename } query B { __typename }', operationName: 'C' }) },
  { name: 'introspection', body: json({ query: '{ __schema { types { name fields { name } } } }' }) },
  { name: 'path traversal', method: 'GET', path: '/../../etc/passwd' },
];

/** Sent signed in, so the documents reach the parser and validation (without a token every one is a 401). */
async function send(url: string, h: Hostile, authorization: string): Promise<number> {
  const headers: Record<string, string> = { authorization };
  if (h.type !== null) headers['content-type'] = h.type ?? 'application/json';
  try {
    const response = await fetch(url + (h.path ?? ''), { method: h.method ?? 'POST', headers, body: h.body as string | undefined, signal: AbortSignal.timeout(30_000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0; // no answer: connection reset or timeout
  }
}

async function main() {
  const mongo = await benchDatabase('hostile');
  const stack = await startStack();
  const authorization = `Bearer ${await stack.token('civil-affairs-clerk', { expiresIn: '1h' })}`;
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined); // npm run … passes --expose-gc
  const heapMb = () => (gc(), Math.round(process.memoryUsage().heapUsed / 1048576));
  const heapBefore = heapMb();
  const before = rssMb();
  let peak = before;
  const statuses = new Map<string, number>();
  const byKind = new Map<string, Set<number>>();
  let sent = 0;
  const started = Date.now();
  const worker = async () => {
    while (sent < TOTAL && Date.now() - started < TIME_LIMIT_MS) {
      const h = hostile[sent++ % hostile.length]!;
      const status = await send(stack.gatewayUrl, h, authorization);
      const bucket = status === 0 ? 'no answer' : `${Math.floor(status / 100)}xx`;
      statuses.set(bucket, (statuses.get(bucket) ?? 0) + 1);
      (byKind.get(h.name) ?? byKind.set(h.name, new Set()).get(h.name)!).add(status);
      if (sent % 500 === 0) peak = Math.max(peak, rssMb());
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = Date.now() - started;
  const after = rssMb();
  const heapAfter = heapMb();
  const good = await stack.query(`{ resident(id: "${residentId}") { name household { fileNumber } } }`);
  const polluted = ({} as { polluted?: unknown }).polluted !== undefined;
  const count = (k: string) => statuses.get(k) ?? 0;

  report(
    `fault 4: ${sent} hostile or malformed requests, ${CONCURRENCY} at a time`,
    {
      'requests sent': sent,
      'succeeded (2xx; introspection, injection answered as errors)': count('2xx'),
      partial: 'n/a',
      'failed (4xx, as they should)': count('4xx'),
      '5xx': count('5xx'),
      'no answer': count('no answer'),
      time: `${elapsed} ms`,
      'RSS before / peak / after (MB)': `${before} / ${peak} / ${after}`,
      'JS heap after GC, before / after (MB)': `${heapBefore} / ${heapAfter}`,
      'recovery time': '0 ms (never down)',
      'records lost / duplicated': '0 / 0',
      'statuses by kind': Object.fromEntries([...byKind].map(([k, v]) => [k, [...v].join(',')])),
    },
    [
      ['no 5xx', count('5xx') === 0],
      ['every request answered', count('no answer') === 0],
      ['memory bounded (RSS peak < 1 GB, heap after GC grew < 64 MB)', peak < 1024 && heapAfter - heapBefore < 64],
      ['a good query still answers afterwards', good.errors === undefined && good.data?.resident?.household?.fileNumber === 'YHM0101000'],
      ['no prototype pollution', !polluted],
      [`all ${TOTAL} sent within ${TIME_LIMIT_MS / 1000} s`, sent >= TOTAL],
    ],
  );
  await stack.stop();
  await mongo.stop();
}

runBench(main);
