/**
 * Replicas behind a load balancer: two gateway processes and two processes of every department, each pair behind
 * HAProxy (Debian's package) on loopback ports, as an orchestrator's Services would put them. Gateways count rate
 * limits in Redis; departments keep their replay cache in their database. Proves, with real processes and sockets:
 * a signed request replayed to the other replica is refused; one caller's rate limit holds across both gateways;
 * SIGKILL of one replica of each department (and then of one gateway) under read and write load loses no request
 * the client is not told to retry, and no acknowledged write. `npm run bench:fault:replicas`
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectDatabase, departmentDbName, envName, freePort, listSubgraphs, repoRoot, signedHeaders, stableId, startRedis, startServerProcess } from '@cg/kit';
import { DEMO_IDENTITIES, mintDevToken } from '../gateway/src/auth';
import { seedWorld } from '../scripts/seed/write';
import { DIRECT_CALLER } from '@cg/kit/testing';
import { type Answer, benchDatabase, report, runBench, sleep } from './support';

const WORKERS = 6;
const PHASE_MS = { before: 4000, departmentsDown: 6000, gatewayDown: 5000, after: 4000 };
const RATE = { points: 40, windowS: 10 };
const RETRYABLE = new Set(['SUBGRAPH_UNAVAILABLE', 'SUBGRAPH_TIMEOUT', 'DATABASE_UNAVAILABLE', 'DEPENDENCY_UNAVAILABLE', 'RATE_LIMITED']);

/** A real entry point on a fixed port that can be SIGKILLed and started again. */
async function service(entry: string, port: number, env: Record<string, string>) {
  let child: ChildProcess;
  const start = async () => {
    child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, entry)], {
      cwd: repoRoot,
      env: { ...process.env, ...env, PORT: String(port) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    for (let i = 0; i < 900; i++) {
      if ((await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => null))?.ok) return;
      await sleep(100);
    }
    throw new Error(`${entry} on ${port} did not become ready`);
  };
  const signal = (name: NodeJS.Signals) => () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill(name))));
  await start();
  return { port, start, kill: signal('SIGKILL'), stop: signal('SIGTERM') };
}

/** One HAProxy frontend + backend per pair: health checks on /health/ready, a refused connection tried on the other. */
function haproxyConfig(pairs: Array<{ name: string; port: number; replicas: number[] }>): string {
  const lines = [
    'global',
    '  maxconn 2000',
    'defaults',
    '  mode http',
    '  timeout connect 1s',
    '  timeout client 60s',
    '  timeout server 60s',
    '  retries 3',
    '  option redispatch',
    '  retry-on conn-failure',
  ];
  for (const { name, port, replicas } of pairs) {
    lines.push(`frontend ${name}`, `  bind 127.0.0.1:${port}`, `  default_backend ${name}`);
    lines.push(`backend ${name}`, '  balance roundrobin', '  option httpchk GET /health/ready', '  http-check expect status 200', '  default-server inter 300ms fall 2 rise 2');
    replicas.forEach((p, i) => lines.push(`  server r${i} 127.0.0.1:${p} check`));
  }
  return `${lines.join('\n')}\n`;
}

async function main() {
  const mongo = await benchDatabase('replicas');
  const redis = await startRedis();
  await seedWorld(mongo.uri, 'small', process.env.MONGODB_DB_PREFIX);
  const departments = listSubgraphs();
  const lb = Object.fromEntries(await Promise.all([...departments.map((d) => d.name), 'gateway'].map(async (n) => [n, await freePort()] as const)));
  const env: Record<string, string> = {
    LOG_LEVEL: 'warn',
    RATE_LIMIT_STORE: 'redis',
    RATE_LIMIT_POINTS: String(RATE.points),
    RATE_LIMIT_WINDOW_S: String(RATE.windowS),
    ...Object.fromEntries(departments.map((d) => [`${envName(d.name)}_URL`, `http://127.0.0.1:${lb[d.name]}/graphql`])),
  };
  // Every port first: HAProxy starts before the processes behind it (a gateway is ready once a department is).
  const ports: Record<string, number[]> = {};
  for (const name of Object.keys(lb)) ports[name] = [await freePort(), await freePort()];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cg-haproxy-'));
  writeFileSync(path.join(dir, 'haproxy.cfg'), haproxyConfig(Object.entries(ports).map(([name, replicas]) => ({ name, port: lb[name]!, replicas }))));
  const haproxy = await startServerProcess('haproxy', 'haproxy', ['-f', path.join(dir, 'haproxy.cfg'), '-db'], lb.gateway!);
  // Departments keep their replay cache in their database (no REDIS_URL); gateways count limits in Redis.
  const replicas: Record<string, Array<Awaited<ReturnType<typeof service>>>> = {};
  for (const d of departments) replicas[d.name] = await Promise.all(ports[d.name]!.map((port) => service(`subgraphs/${d.name}/src/index.ts`, port, env)));
  replicas.gateway = await Promise.all(ports.gateway!.map((port) => service('gateway/src/index.ts', port, { ...env, REDIS_URL: redis.url })));
  const gatewayUrl = `http://127.0.0.1:${lb.gateway}/graphql`;
  await sleep(1500); // HAProxy's first health checks

  // 1. Replays: a signed request to one replica, the same bytes to the other, for every department; then via the LB.
  let replaysAccepted = 0;
  let replaysTried = 0;
  const sdl = JSON.stringify({ query: '{ _service { sdl } }' });
  for (const d of departments) {
    const headers = { 'content-type': 'application/json', ...signedHeaders(d.name, sdl, DIRECT_CALLER, `replay-${d.name}`) };
    const send = (port: number) => fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers, body: sdl }).then((r) => r.status);
    if ((await send(replicas[d.name]![0]!.port)) !== 200) throw new Error(`${d.name}: the original request was refused`);
    for (const port of [replicas[d.name]![1]!.port, lb[d.name]!, lb[d.name]!]) {
      replaysTried++;
      if ((await send(port)) === 200) replaysAccepted++;
    }
  }

  // 2. One caller's limit across both gateways: three times the points at once, alternating gateways and the LB.
  const limited = await mintDevToken({ ...DEMO_IDENTITIES['civil-affairs-clerk']!, subject: 'rate-limit-probe' }, { expiresIn: '1h' });
  const targets = [...replicas.gateway.map((g) => `http://127.0.0.1:${g.port}/graphql`), gatewayUrl];
  const statuses = await Promise.all(
    Array.from({ length: 3 * RATE.points }, (_, i) =>
      fetch(targets[i % targets.length]!, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${limited}` },
        body: '{"query":"{ __typename }"}',
      }).then(
        (r) => r.status,
        () => 0,
      ),
    ),
  );
  const admitted = statuses.filter((s) => s === 200).length;

  // 3. Load through the LB: half writes (an idempotency key each), half reads, from callers enough that none of
  // them meets the rate limit (a retried write keeps its caller: the key is scoped by it).
  const residentId = stableId('resident', 'YHM0101000', 0);
  const read = `{ resident(id: "${residentId}") { name household { fileNumber dwelling { label } } } }`;
  const write = 'mutation($i: RecordVisitInput!) { recordVisit(input: $i) { id } }';
  const run = `replicas-${process.pid}`;
  const acknowledged = new Map<string, string>();
  const tally = { reads: 0, writes: 0, toldToRetry: 0, retriedThenAnswered: 0, notToldToRetry: 0, gaveUp: 0 };
  const causes = new Map<string, number>();
  let running = true;
  const worker = async (w: number) => {
    const callers = await Promise.all(
      Array.from({ length: 20 }, (_, c) => mintDevToken({ ...DEMO_IDENTITIES['civil-affairs-clerk']!, subject: `load-${w}-${c}` }, { expiresIn: '1h' })),
    );
    for (let i = 0; running; i++) {
      const authorization = `Bearer ${callers[i % callers.length]}`;
      const writing = i % 2 === 0;
      const key = `${run}-${w}-${i}`;
      const body = writing
        ? JSON.stringify({ query: write, variables: { i: { residentId, visitedOn: '2026-03-01', method: 'HOME', visitorName: '网格员', notes: run, idempotencyKey: key } } })
        : JSON.stringify({ query: read });
      if (writing) tally.writes++;
      else tally.reads++;
      for (let attempt = 0; ; attempt++) {
        const answer = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body, signal: AbortSignal.timeout(20_000) }).then(
          async (r) => ({ status: r.status, body: (await r.json().catch(() => null)) as Answer<{ recordVisit?: { id: string } }> | null }),
          () => ({ status: 0, body: null }),
        );
        const codes = (answer.body?.errors ?? []).map((e) => e.extensions?.code as string);
        if (answer.status === 200 && answer.body?.data && codes.length === 0) {
          if (writing) acknowledged.set(key, answer.body.data.recordVisit!.id);
          if (attempt > 0) tally.retriedThenAnswered++;
          break;
        }
        const cause = `HTTP ${answer.status} ${codes.join(',')}`.trim();
        causes.set(cause, (causes.get(cause) ?? 0) + 1);
        // Told to retry: no answer or a 5xx from the load balancer, or a typed error that says so.
        const retry = answer.status === 0 || answer.status >= 500 || answer.status === 429 || (codes.length > 0 && codes.every((c) => RETRYABLE.has(c)));
        if (!retry) {
          tally.notToldToRetry++;
          break;
        }
        tally.toldToRetry++;
        if (attempt === 20) {
          tally.gaveUp++;
          break;
        }
        await sleep(200 + attempt * 100);
      }
    }
  };
  const workers = Array.from({ length: WORKERS }, (_, w) => worker(w));
  await sleep(PHASE_MS.before);
  await Promise.all(departments.map((d) => replicas[d.name]![0]!.kill()));
  await sleep(PHASE_MS.departmentsDown);
  await replicas.gateway[0]!.kill();
  await Promise.all(departments.map((d) => replicas[d.name]![0]!.start()));
  await sleep(PHASE_MS.gatewayDown);
  await replicas.gateway[0]!.start();
  await sleep(PHASE_MS.after);
  running = false;
  await Promise.all(workers);

  // Every acknowledged write is stored, once.
  const civil = await connectDatabase({ uri: mongo.uri, dbName: departmentDbName('civil-affairs') });
  const stored = await civil.collection('visits').find({ notes: run }).project({ _id: 1 }).toArray();
  const storedIds = new Set(stored.map((d) => String(d._id)));
  const lost = [...acknowledged.values()].filter((id) => !storedIds.has(id)).length;
  await civil.close();

  report(
    'replicas behind HAProxy: replays, a shared rate limit, SIGKILL of one replica of each department and of a gateway under load',
    {
      processes: `${departments.length} departments × 2, gateway × 2, HAProxy, Redis, ${mongo.kind}`,
      'replays accepted / tried': `${replaysAccepted} / ${replaysTried}`,
      'rate limit: admitted of sent (limit)': `${admitted} of ${statuses.length} (${RATE.points}; per-process counting would admit ${2 * RATE.points})`,
      'requests (reads / writes)': `${tally.reads} / ${tally.writes}`,
      'answers telling the client to retry': tally.toldToRetry,
      'requests answered after a retry': tally.retriedThenAnswered,
      'failures not told to retry': tally.notToldToRetry,
      'requests given up after 20 retries': tally.gaveUp,
      'writes acknowledged / stored / lost': `${acknowledged.size} / ${storedIds.size} / ${lost}`,
      'non-success answers by cause': Object.fromEntries(causes),
    },
    [
      ['0 replays accepted', replaysTried > 0 && replaysAccepted === 0],
      ['the rate limit held across both gateways', admitted === RATE.points],
      ['no request failed without being told to retry', tally.notToldToRetry === 0 && tally.gaveUp === 0],
      ['0 acknowledged writes lost, none stored twice', acknowledged.size > 0 && lost === 0 && storedIds.size === stored.length && storedIds.size <= tally.writes],
    ],
  );
  await haproxy.stop();
  for (const group of Object.values(replicas)) for (const r of group) await r.stop();
  await redis.stop();
  await mongo.stop();
  rmSync(dir, { recursive: true, force: true });
}

runBench(main);
