import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { captureLogs, repoRoot, signedHeaders, stableId } from '@cg/kit';
import { DIRECT_CALLER, startStack, type Stack } from '@cg/kit/testing';

// What operators see: JSON log lines that follow one request through every department, Prometheus metrics per
// operation and per subgraph, and OpenTelemetry traces when (and only when) switched on.
let stack: Stack;
beforeAll(async () => void (stack = await startStack()), 60_000);
afterAll(() => stack?.stop());

const residentId = stableId('resident', 'YHM0101000', 0);
const query = `query DossierForMetrics($id: ID!) { resident(id: $id) { name household { fileNumber } partyMembership { category } employmentStatus { status } } }`;

/** As a civil-affairs clerk: people's fields need a signed-in caller. */
async function post(body: unknown, headers: Record<string, string> = {}) {
  const authorization = `Bearer ${await stack.token('civil-affairs-clerk')}`;
  const response = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization, ...headers }, body: JSON.stringify(body) });
  return (await response.json()) as { data?: any; errors?: any[] };
}
const metricsOf = async (graphqlUrl: string) => (await fetch(graphqlUrl.replace(/\/graphql$/, '/metrics'))).text();
/** The value of one sample, 0 when absent. */
const sample = (text: string, name: string, labels: Record<string, string>) => {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line ? Number(line.split(' ').at(-1)) : 0;
};

test('one request id in the JSON logs of the gateway and of every department the request reached', async () => {
  const logs = captureLogs();
  try {
    const result = await post({ query, variables: { id: residentId } }, { 'x-request-id': 'trace-me-42' });
    expect(result.errors).toBeUndefined();
  } finally {
    logs.restore();
  }
  const mine = logs.lines.filter((l) => l.requestId === 'trace-me-42');
  expect(new Set(mine.map((l) => l.service))).toEqual(new Set(['gateway', 'civil-affairs', 'party', 'employment']));
  const gatewayLine = mine.find((l) => l.service === 'gateway')!;
  expect(gatewayLine).toMatchObject({ level: 'info', operation: 'DossierForMetrics', msg: 'graphql operation' });
  expect(typeof gatewayLine.ms).toBe('number');
  expect(Date.parse(gatewayLine.time as string)).not.toBeNaN();
});

test('/metrics on the gateway and the departments count requests, latency and errors per operation and subgraph', async () => {
  const gatewayBefore = await metricsOf(stack.gatewayUrl);
  const civilBefore = await metricsOf(stack.departments['civil-affairs']!.url);
  await post({ query, variables: { id: residentId } });
  await post({ query, variables: { id: residentId } });
  const bad = await post({ query: `query BadKey { resident(id: "not-an-id") { name } }` });
  expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

  const gateway = await metricsOf(stack.gatewayUrl);
  const ok = { service: 'gateway', operation: 'DossierForMetrics', outcome: 'ok' };
  expect(sample(gateway, 'graphql_requests_total', ok) - sample(gatewayBefore, 'graphql_requests_total', ok)).toBe(2);
  expect(sample(gateway, 'graphql_request_duration_seconds_count', { operation: 'DossierForMetrics' })).toBeGreaterThanOrEqual(2);
  expect(sample(gateway, 'graphql_errors_total', { operation: 'BadKey', code: 'BAD_USER_INPUT' })).toBeGreaterThanOrEqual(1);
  for (const subgraph of ['civil-affairs', 'party', 'employment']) {
    const labels = { subgraph, operation: 'DossierForMetrics', outcome: 'ok' };
    expect(sample(gateway, 'gateway_subgraph_requests_total', labels) - sample(gatewayBefore, 'gateway_subgraph_requests_total', labels)).toBe(2);
    expect(sample(gateway, 'gateway_subgraph_request_duration_seconds_count', { subgraph, operation: 'DossierForMetrics' })).toBeGreaterThanOrEqual(2);
  }
  expect(sample(gateway, 'gateway_subgraph_requests_total', { subgraph: 'property', operation: 'DossierForMetrics' })).toBe(0);

  // Each department reports only itself, and counts the gateway's sub-operations.
  const civil = await metricsOf(stack.departments['civil-affairs']!.url);
  const civilOk = (text: string) =>
    text
      .split('\n')
      .filter((l) => l.startsWith('graphql_requests_total{') && l.includes('outcome="ok"'))
      .reduce((n, l) => n + Number(l.split(' ').at(-1)), 0);
  expect(civilOk(civil) - civilOk(civilBefore)).toBeGreaterThanOrEqual(2);
  expect(civil).not.toContain('service="party"');
  expect(civil).toContain('process_cpu_user_seconds_total');
});

/** A stand-in OTLP/HTTP collector on loopback that keeps every span it is sent. */
async function collector(): Promise<{ url: string; spans: Array<{ service: string; name: string; traceId: string }>; close(): Promise<void> }> {
  const spans: Array<{ service: string; name: string; traceId: string }> = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        for (const rs of JSON.parse(body).resourceSpans ?? []) {
          const service = rs.resource?.attributes?.find((a: any) => a.key === 'service.name')?.value?.stringValue;
          for (const ss of rs.scopeSpans ?? []) for (const span of ss.spans ?? []) spans.push({ service, name: span.name, traceId: span.traceId });
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, close: () => new Promise((r) => server.close(() => r())) };
}

/** Runs the employment department as its own process (preloading kit/src/tracing.ts as npm start does), queries it once, stops it. */
async function runTracedDepartment(env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', './kit/src/tracing.ts', 'subgraphs/employment/src/index.ts'], {
    cwd: repoRoot,
    env: { ...process.env, JEST_WORKER_ID: '', PORT: '0', SERVICE: 'employment', LOG_LEVEL: 'silent', OTEL_BSP_SCHEDULE_DELAY: '100', ...env },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const found = /ready at (\S+)/.exec(out);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`department exited (${code}): ${out}`)));
  });
  const body = JSON.stringify({ query: '{ employers(first: 1) { totalCount } }' });
  // Signed as the gateway signs: a department refuses unsigned calls before running anything.
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...signedHeaders('employment', body, DIRECT_CALLER, 'otel-test-1') }, body });
  expect(response.status).toBe(200);
  await new Promise((r) => setTimeout(r, 1000)); // a few export intervals
  await new Promise((r) => {
    child.once('exit', r);
    child.kill('SIGTERM');
  });
}

test('OpenTelemetry: spans for HTTP and GraphQL reach the OTLP endpoint when set, and nothing is sent when disabled', async () => {
  const otlp = await collector();
  try {
    const base = {
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_METRICS_EXPORTER: 'none',
      OTEL_LOGS_EXPORTER: 'none',
    };
    await runTracedDepartment({ ...base, OTEL_SDK_DISABLED: 'true' });
    expect(otlp.spans).toEqual([]);

    await runTracedDepartment(base);
    const names = otlp.spans.filter((s) => s.service === 'employment').map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining([expect.stringMatching(/^POST/), expect.stringMatching(/^query/)]));
  } finally {
    await otlp.close();
  }
}, 60_000);
