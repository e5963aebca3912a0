/**
 * `npm run bench:perf [-- --duration 8 --connections 8 --workers auto --only dossier,list]`: issue 7's benchmark.
 * Seeds `bench` (about 100,000 residents) and `county` (about 10,000) once each into their own database prefixes,
 * then per scenario loads our gateway and its baselines (the department directly, Hive Gateway, the monolith) with
 * autocannon and prints requests/s, latency percentiles, the serving process's CPU and peak RSS, and the department
 * fetches and database commands per request. docs/benchmarks.md has the results and how to read them.
 */
import os from 'node:os';
import { ensureMongo, envName, freePort, listSubgraphs } from '@cg/kit';
import { seedWorld } from '../scripts/seed/write';
import { readSeedMarker, writeSeedMarker, type SeedMarker } from '../scripts/seed/marker';
import { spawnDepartment } from './support';
import { departmentCounters, perRequest, runLoad, type LoadRequest } from './perf/load';
import { spawnEntry, watchProcess, type Spawned } from './perf/processes';
import { printReport, type Row } from './perf/report';
import * as s from './perf/scenarios';

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1]! : fallback;
};
const SECONDS = Number(arg('duration', '10'));
const CONNECTIONS = Number(arg('connections', '2'));
const WORKERS = arg('workers', 'auto');
const ONLY = arg('only', 'one,dossier,list,mutations,byid').split(',');
const DATA_DIR = '.data/db';

// Every process of the run: JSON request logs off (a line per operation would be measured too), generous timeouts
// (FerretDB answers slowly at this scale: docs/benchmarks.md) and no rate limit in front of the load.
Object.assign(process.env, {
  LOG_LEVEL: 'warn', SUBGRAPH_TIMEOUT_MS: '60000', GATEWAY_REQUEST_TIMEOUT_MS: '65000', PEER_TIMEOUT_MS: '60000',
  RATE_LIMIT_POINTS: '100000000', SUBGRAPH_RETRIES: '0',
});

/** Seeds a scale under its own prefix; collections already holding that seed are skipped (seed fingerprints). */
async function ensureSeeded(uri: string, database: string, scale: string): Promise<SeedMarker> {
  process.env.MONGODB_DB_PREFIX = scale;
  console.error(`[seed] scale ${scale} (prefix ${scale}): writing what is not there yet`);
  const started = performance.now();
  const counts = await seedWorld(uri, scale, scale);
  const found = readSeedMarker(DATA_DIR, scale, scale);
  // The marker keeps the figures of the run that wrote the data, for the report.
  if (counts.some((c) => !c.unchanged) || found?.database !== database) {
    writeSeedMarker(DATA_DIR, scale, { seconds: Math.round((performance.now() - started) / 100) / 10, database, counts });
  }
  return readSeedMarker(DATA_DIR, scale, scale)!;
}

/** Every department as its own process on databases `<prefix>_*`, with `<NAME>_URL` set for peers and gateways. */
async function startDepartments(prefix: string) {
  process.env.MONGODB_DB_PREFIX = prefix;
  // Every URL is known before the first department starts: each one asks the others (does this Unit exist?).
  const ports = new Map<string, number>();
  for (const entry of listSubgraphs()) {
    ports.set(entry.name, await freePort());
    process.env[`${envName(entry.name)}_URL`] = `http://127.0.0.1:${ports.get(entry.name)}/graphql`;
  }
  const running: Record<string, Awaited<ReturnType<typeof spawnDepartment>>> = {};
  for (const entry of listSubgraphs()) running[entry.name] = await spawnDepartment(entry.name, ports.get(entry.name));
  return running;
}

async function measure(rows: Row[], scenario: string, target: string, url: string, pid: number, sequence: LoadRequest[], departments: Record<string, string>) {
  await runLoad(url, sequence, { seconds: Math.min(2, SECONDS), connections: 2, maxRequests: 4 }); // warm: plans, connections, JIT
  const before = await departmentCounters(departments);
  const stop = watchProcess(pid);
  const load = await runLoad(url, sequence, { seconds: SECONDS, connections: CONNECTIONS });
  const cost = stop();
  const counts = perRequest(before, await departmentCounters(departments), load.requests);
  rows.push({ scenario, target, ...load, ...cost, ...counts });
  await settle(url, sequence[0]!);
  console.error(`[bench] ${scenario} / ${target}: ${load.rps} req/s, p50 ${load.p50} ms, ${load.failed} failed`);
}

/**
 * autocannon stops at the deadline without waiting for answers in flight, which FerretDB keeps working on: one more
 * request, queued behind them, returns once they are done, so the next target starts on an idle database.
 */
async function settle(url: string, request: LoadRequest) {
  const { headers, body } = request.setup({});
  await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, signal: AbortSignal.timeout(120_000) }).catch(() => undefined);
}

async function main() {
  const mongo = await ensureMongo({ dataDir: DATA_DIR });
  process.env.MONGODB_URI = mongo.uri;
  const seeds = [await ensureSeeded(mongo.uri, mongo.kind, 'bench'), await ensureSeeded(mongo.uri, mongo.kind, 'county')];
  const gatewayEnv = { GATEWAY_WORKERS: WORKERS };
  const rows: Row[] = [];
  const stops: Array<() => Promise<void>> = [];
  try {
    const departments = await startDepartments('bench');
    stops.push(...Object.values(departments).map((d) => d.stop));
    const urls = Object.fromEntries(Object.entries(departments).map(([n, d]) => [n, d.url]));
    const start = async (entry: string, what: string) => {
      const p: Spawned = await spawnEntry(entry, gatewayEnv, what);
      stops.push(p.stop);
      return p;
    };
    const apollo = await start('gateway/src/index.ts', 'our gateway');
    const hive = await start('bench/hive-gateway.ts', 'Hive Gateway');
    const monolith = ONLY.some((o) => o === 'dossier' || o === 'list') ? await start('bench/monolith.ts', 'monolith') : null;
    const clerk = await s.tokenFor(s.DEMO_CLERK);
    const secretary = await s.tokenFor(s.SECRETARY);
    const gateways: Array<[string, Spawned]> = [['our gateway', apollo], ['Hive Gateway', hive]];
    const civil = listSubgraphs().find((e) => e.name === 'civil-affairs')!.name;

    if (ONLY.includes('one')) {
      const ids = s.headOfHouseholdIds('bench');
      for (const [name, g] of gateways) await measure(rows, '1 one department', name, g.url, g.pid, [s.viaGateway(clerk, s.residentBody(ids))], urls);
      await measure(rows, '1 one department', 'department directly', urls[civil]!, departments[civil]!.pid, [s.direct(civil, s.residentBody(ids))], urls);
    }
    const caseId = await s.firstCaseId(apollo.url, secretary);
    for (const [key, scenario, query, variables] of [['dossier', '2 case dossier', s.DOSSIER_QUERY, { id: caseId }], ['list', '3 100 cases, fan-out', s.CASE_LIST_QUERY, undefined]] as const) {
      if (!ONLY.includes(key)) continue;
      for (const [name, g] of gateways) await measure(rows, scenario, name, g.url, g.pid, [s.viaGateway(secretary, s.fixedBody(query, variables))], urls);
      try {
        await s.record(monolith!.url, key, query, variables, secretary);
        await measure(rows, scenario, 'monolith', monolith!.url.replace(/graphql$/, `replay/${key}`), monolith!.pid, [s.viaGateway(secretary, s.fixedBody(query, variables))], urls);
      } catch (error) {
        // On FerretDB at bench scale one answer can outlast the request budget: report the rest of the run anyway.
        console.error(`[bench] monolith not measured for ${key}: ${(error as Error).message.slice(0, 200)}`);
      }
    }
    if (ONLY.includes('mutations')) {
      const chain = await s.caseTransitions(await s.reporterOf(apollo.url, clerk, s.headOfHouseholdIds('bench')[0]!));
      for (const [name, g] of gateways) await measure(rows, '4 case transitions', name, g.url, g.pid, chain, urls);
    }
    while (stops.length) await stops.pop()!();

    if (ONLY.includes('byid')) {
      // The same by-id query on the county scale (about 10,000 residents) for the by-id target.
      const county = await startDepartments('county');
      stops.push(...Object.values(county).map((d) => d.stop));
      const countyUrls = Object.fromEntries(Object.entries(county).map(([n, d]) => [n, d.url]));
      const g = await start('gateway/src/index.ts', 'our gateway (county)');
      await measure(rows, '1 one department (county)', 'our gateway', g.url, g.pid, [s.viaGateway(clerk, s.residentBody(s.headOfHouseholdIds('county')))], countyUrls);
    }
  } finally {
    while (stops.length) await stops.pop()!();
    await mongo.stop();
  }
  printReport(rows, seeds, { seconds: SECONDS, connections: CONNECTIONS, workers: WORKERS, cpus: os.availableParallelism(), cpuModel: os.cpus()[0]?.model ?? '?', memGb: Math.round(os.totalmem() / 2 ** 30), database: mongo.kind });
}

main().catch((error) => (console.error(error), process.exit(1))).then(() => process.exit());
