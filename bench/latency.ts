/**
 * `npm run bench:latency [-- --url http://127.0.0.1:4000/graphql --requests 200]`: one caller, one request at a time,
 * against a running gateway (`npm start`): p50/p95/p99 of the README's example and of the list reads a partner
 * department opens first. What one person waits, where bench:perf measures throughput under load.
 */
import { stableId } from '@cg/kit';
import { DEMO_IDENTITIES, mintDevToken } from '../gateway/src/auth';
import { exampleOperation } from '../gateway/src/examples';

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1]! : fallback;
};
const url = arg('url', 'http://127.0.0.1:4000/graphql');
const requests = Number(arg('requests', '200'));

const example = exampleOperation('docs/example-query.graphql').query;
const grid = stableId('grid', 'ZB-YHM-01');
const queries: Array<[string, string, Record<string, unknown>]> = [
  ['README example (resident across four departments)', example, { id: stableId('resident', 'YHM0101000', 0) }],
  ['residents(first: 20, filter: { gridId })', `query($g: ID!) { residents(first: 20, filter: { gridId: $g }) { totalCount edges { node { id name } } } }`, { g: grid }],
  ['residents(first: 20)', '{ residents(first: 20) { totalCount edges { node { id name } } } }', {}],
  ['residents(first: 20), second page', 'query($after: String) { residents(first: 20, after: $after) { totalCount edges { node { id name } } } }', {}],
  ['households(first: 20)', '{ households(first: 20) { totalCount edges { node { id fileNumber } } } }', {}],
  ['jointCases(first: 20) with reporters', '{ jointCases(first: 20) { totalCount edges { node { id status reporter { name } } } } }', {}],
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main() {
  const token = await mintDevToken(DEMO_IDENTITIES['civil-affairs-clerk']!, { expiresIn: '1h' });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const send = async (query: string, variables: Record<string, unknown>) => {
    const started = performance.now();
    const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: { residents?: { pageInfo?: { endCursor?: string | null } } }; errors?: Array<{ extensions?: { code?: string } }> };
    return { ms: performance.now() - started, body, ok: response.ok && !body.errors?.length };
  };
  const first = await send('{ residents(first: 20) { pageInfo { endCursor } } }', {});
  queries[3]![2] = { after: first.body.data?.residents?.pageInfo?.endCursor };
  console.log(`${requests} sequential requests each, after 10 to warm up, as a civil-affairs clerk, at ${url}\n`);
  console.log('query | p50 ms | p95 ms | p99 ms | max ms | failed');
  console.log('--- | ---: | ---: | ---: | ---: | ---:');
  for (const [label, query, variables] of queries) {
    for (let i = 0; i < 10; i++) await send(query, variables);
    const times: number[] = [];
    const failures = new Map<string, number>();
    for (let i = 0; i < requests; i++) {
      const { ms, body, ok } = await send(query, variables);
      times.push(ms);
      if (!ok) {
        const code = body.errors?.[0]?.extensions?.code ?? 'no data';
        failures.set(code, (failures.get(code) ?? 0) + 1);
      }
    }
    times.sort((a, b) => a - b);
    const failed = [...failures].map(([code, n]) => `${n} ${code}`).join(', ') || '0';
    console.log(`${label} | ${[50, 95, 99].map((p) => percentile(times, p).toFixed(0)).join(' | ')} | ${times.at(-1)!.toFixed(0)} | ${failed}`);
  }
}
main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
