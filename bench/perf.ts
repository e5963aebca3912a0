/**
 * `npm run bench:perf [-- --duration 8 --connections 8 --workers auto --only dossier,list --scale county]`.
 * Seeds the scales it needs once each into their own database prefixes, then per scenario loads our gateway and its
 * baselines (the department directly, Hive Gateway, the monolith) with autocannon and prints requests/s, latency
 * percentiles, the serving process's CPU and peak RSS, the department fetches and database commands per request,
 * the ratios, and the gateway's heap after GC at the start and end of a dossier load (`memory`).
 * `--quick`: the regression guard before landing a hot-path change (county, 3 s per target, scenarios 1–3).
 * `--profile`: our gateway (one process) and the departments under `node --cpu-prof`, flame graphs to bench/results/.
 * docs/benchmarks.md has the results and how to read them.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureMongo, envName, freePort, listSubgraphs, repoRoot } from '@cg/kit';
import { seedWorld } from '../scripts/seed/write';
import { readSeedMarker, writeSeedMarker, type SeedMarker } from '../scripts/seed/marker';
import { runBench, spawnDepartment } from './support';
import { monotonicMicros, renderFlameGraph, type Window } from './perf/flame';
import { heapAfterGcMb } from './perf/heap';
import { departmentCounters, perRequest, runLoad, type LoadRequest } from './perf/load';
import { perfOptions } from './perf/options';
import { spawnEntry, watchProcess, type Spawned } from './perf/processes';
import { printReport, type Row } from './perf/report';
import * as s from './perf/scenarios';

const o = perfOptions();
const DATA_DIR = '.data/db';
const RESULTS = path.join(repoRoot, 'bench', 'results');
const PROFILES = path.join(RESULTS, 'profiles', new Date().toISOString().replace(/[:.]/g, '-'));
const began = performance.now();

// Every process of the run: JSON request logs off (a line per operation would be measured too), generous timeouts
// (a slow database must not turn into errors) and no rate limit in front of the load.
Object.assign(process.env, {
  LOG_LEVEL: 'warn',
  SUBGRAPH_TIMEOUT_MS: '60000',
  GATEWAY_REQUEST_TIMEOUT_MS: '65000',
  PEER_TIMEOUT_MS: '60000',
  RATE_LIMIT_POINTS: '100000000',
  SUBGRAPH_RETRIES: '0',
});

/** With --profile, `node --cpu-prof` for process `name`, writing into its own folder of this run's profiles. */
const profiled = (name: string): Record<string, string> => (o.profile ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.join(PROFILES, name)}` } : {});
/** When our gateway was under load: the flame graphs keep only these samples (no start-up, no baselines' loads). */
const ourLoad: Window[] = [];

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
async function startDepartments(prefix: string, profile = false) {
  process.env.MONGODB_DB_PREFIX = prefix;
  // Every URL is known before the first department starts: each one asks the others (does this Unit exist?).
  const ports = new Map<string, number>();
  for (const entry of listSubgraphs()) {
    ports.set(entry.name, await freePort());
    process.env[`${envName(entry.name)}_URL`] = `http://127.0.0.1:${ports.get(entry.name)}/graphql`;
  }
  // All at once, each tried twice: four connecting together to a busy database can miss its 1 s server selection.
  const spawn = (name: string) => spawnDepartment(name, ports.get(name), profile ? profiled(name) : {});
  const started = await Promise.allSettled(listSubgraphs().map((e) => spawn(e.name).catch(() => spawn(e.name))));
  const running = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = started.find((r) => r.status === 'rejected');
  if (failed) {
    // One that never became ready must not leave the others running after the run gives up.
    await Promise.all(running.map((d) => d.stop()));
    throw (failed as PromiseRejectedResult).reason;
  }
  return Object.fromEntries(listSubgraphs().map((e, i) => [e.name, running[i]!]));
}

async function measure(rows: Row[], scenario: string, target: string, url: string, pid: number, sequence: LoadRequest[], departments: Record<string, string>) {
  // Warm: plans, connections, JIT and the database's cache. A few requests were not enough: whichever target came
  // first in a scenario measured up to a third slower than the same code measured next.
  await runLoad(url, sequence, { seconds: Math.min(2, o.seconds / 3), connections: o.connections });
  const before = await departmentCounters(departments);
  const stop = watchProcess(pid);
  const from = monotonicMicros();
  const load = await runLoad(url, sequence, { seconds: o.seconds, connections: o.connections });
  if (target === 'our gateway') ourLoad.push({ from, to: monotonicMicros() });
  const cost = stop();
  const counts = perRequest(before, await departmentCounters(departments), load.requests);
  rows.push({ scenario, target, ...load, ...cost, ...counts });
  await settle(url, sequence[0]!);
  console.error(`[bench] ${scenario} / ${target}: ${load.rps} req/s, p50 ${load.p50} ms, ${load.failed} failed`);
}

/** One more request, queued behind any the load left in flight, so the next target starts on an idle database. */
async function settle(url: string, request: LoadRequest) {
  const { headers, body } = request.setup({});
  await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, signal: AbortSignal.timeout(120_000) }).catch(() => undefined);
}

/** Our gateway as one process, dossier load for `seconds`: heap after a full GC before and after, peak RSS. */
async function memoryRun(secretary: string, caseId: string) {
  const inspect = await freePort();
  const g = await spawnEntry('gateway/src/index.ts', { GATEWAY_WORKERS: '1', NODE_OPTIONS: `--inspect=127.0.0.1:${inspect}` }, 'our gateway (memory)');
  try {
    const load = [s.viaGateway(secretary, s.fixedBody(s.DOSSIER_QUERY, { id: caseId }))];
    await runLoad(g.url, load, { seconds: 2, connections: 2, maxRequests: 20 });
    // Measured at the start, half way and the end: growth in the second half, after every cache is warm, is a leak.
    const start = await heapAfterGcMb(inspect);
    const stop = watchProcess(g.pid);
    const first = await runLoad(g.url, load, { seconds: o.memorySeconds / 2, connections: o.connections });
    const middle = await heapAfterGcMb(inspect);
    const second = await runLoad(g.url, load, { seconds: o.memorySeconds / 2, connections: o.connections });
    const { peakRssMb } = stop();
    const end = await heapAfterGcMb(inspect);
    const answers = first.requests + second.requests;
    return { seconds: o.memorySeconds, answers, failed: first.failed + second.failed, rps: Math.round((answers / o.memorySeconds) * 10) / 10, start, middle, end, peakRssMb };
  } finally {
    await g.stop();
  }
}

/** One SVG per profiled process (its busiest file: a cluster writes one per process), samples of our load only. */
function renderProfiles(): string[] {
  if (!existsSync(PROFILES)) return [];
  mkdirSync(RESULTS, { recursive: true });
  return readdirSync(PROFILES).flatMap((name) => {
    const files = readdirSync(path.join(PROFILES, name))
      .filter((f) => !f.endsWith('.load.cpuprofile'))
      .map((f) => path.join(PROFILES, name, f));
    const busiest = files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
    if (!busiest) return [];
    const svg = path.join(RESULTS, `flame-${name}.svg`);
    const samples = renderFlameGraph(busiest, svg, `${name} under our gateway's load (${o.only.join(', ')}, scale ${o.scale})`, ourLoad);
    return [`${path.relative(repoRoot, svg)} (${samples} samples; profile ${path.relative(repoRoot, busiest)})`];
  });
}

async function main() {
  const mongo = await ensureMongo({ dataDir: DATA_DIR });
  process.env.MONGODB_URI = mongo.uri;
  const scales = [...new Set([o.scale, ...(o.only.includes('byid') ? ['county'] : [])])];
  const seeds: SeedMarker[] = [];
  for (const scale of scales) seeds.push(await ensureSeeded(mongo.uri, mongo.kind, scale));
  const gatewayEnv = { GATEWAY_WORKERS: o.workers };
  const rows: Row[] = [];
  const stops: Array<() => Promise<void>> = [];
  let memory: Awaited<ReturnType<typeof memoryRun>> | undefined;
  try {
    const departments = await startDepartments(o.scale, o.profile);
    stops.push(...Object.values(departments).map((d) => d.stop));
    const urls = Object.fromEntries(Object.entries(departments).map(([n, d]) => [n, d.url]));
    const start = async (entry: string, env: Record<string, string>, what: string, root?: string) => {
      const p: Spawned = await spawnEntry(entry, env, what, root);
      stops.push(p.stop);
      return p;
    };
    const [apollo, hive, monolith] = await Promise.all([
      start('gateway/src/index.ts', { ...gatewayEnv, ...profiled('gateway') }, 'our gateway'),
      start('bench/hive-gateway.ts', gatewayEnv, 'Hive Gateway'),
      o.only.some((k) => k === 'dossier' || k === 'list') ? start('bench/monolith.ts', {}, 'monolith') : null,
    ]);
    const clerk = await s.tokenFor(s.DEMO_CLERK);
    const secretary = await s.tokenFor(s.SECRETARY);
    const gateways: Array<[string, Spawned]> = [
      ['our gateway', apollo],
      ['Hive Gateway', hive],
    ];
    if (o.compare) gateways.splice(1, 0, ['other gateway', await start('gateway/src/index.ts', { ...gatewayEnv, ...o.compareEnv }, `gateway of ${o.compare}`, o.compare)]);
    const civil = listSubgraphs().find((e) => e.name === 'civil-affairs')!.name;

    if (o.only.includes('one')) {
      const ids = s.headOfHouseholdIds(o.scale);
      for (const [name, g] of gateways) await measure(rows, '1 one department', name, g.url, g.pid, [s.viaGateway(clerk, s.residentBody(ids))], urls);
      await measure(rows, '1 one department', 'department directly', urls[civil]!, departments[civil]!.pid, [s.direct(civil, s.residentBody(ids))], urls);
    }
    const caseId = await s.firstCaseId(apollo.url, secretary);
    for (const [key, scenario, query, variables] of [
      ['dossier', '2 case dossier', s.DOSSIER_QUERY, { id: caseId }],
      ['list', '3 100 cases, fan-out', s.CASE_LIST_QUERY, undefined],
    ] as const) {
      if (!o.only.includes(key)) continue;
      for (const [name, g] of gateways) await measure(rows, scenario, name, g.url, g.pid, [s.viaGateway(secretary, s.fixedBody(query, variables))], urls);
      try {
        await s.record(monolith!.url, key, query, variables, secretary);
        await measure(
          rows,
          scenario,
          'monolith',
          monolith!.url.replace(/graphql$/, `replay/${key}`),
          monolith!.pid,
          [s.viaGateway(secretary, s.fixedBody(query, variables))],
          urls,
        );
      } catch (error) {
        // On a slow database one answer can outlast the request budget: report the rest of the run anyway.
        console.error(`[bench] monolith not measured for ${key}: ${(error as Error).message.slice(0, 200)}`);
      }
    }
    if (o.only.includes('mutations')) {
      const chain = await s.caseTransitions(await s.reporterOf(apollo.url, clerk, s.headOfHouseholdIds(o.scale)[0]!));
      for (const [name, g] of gateways) await measure(rows, '4 case transitions', name, g.url, g.pid, chain, urls);
    }
    if (o.only.includes('memory')) memory = await memoryRun(secretary, caseId);
    while (stops.length) await stops.pop()!();

    if (o.only.includes('byid') && o.scale !== 'county') {
      // The same by-id query on the county scale (about 10,000 residents) for the by-id target.
      const county = await startDepartments('county');
      stops.push(...Object.values(county).map((d) => d.stop));
      const countyUrls = Object.fromEntries(Object.entries(county).map(([n, d]) => [n, d.url]));
      const g = await start('gateway/src/index.ts', gatewayEnv, 'our gateway (county)');
      await measure(rows, '1 one department (county)', 'our gateway', g.url, g.pid, [s.viaGateway(clerk, s.residentBody(s.headOfHouseholdIds('county')))], countyUrls);
    }
  } finally {
    while (stops.length) await stops.pop()!();
    await mongo.stop();
  }
  printReport(rows, seeds, {
    seconds: o.seconds,
    connections: o.connections,
    workers: o.workers,
    scale: o.scale,
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? '?',
    memGb: Math.round(os.totalmem() / 2 ** 30),
    database: mongo.kind,
  });
  if (memory) {
    const growth = Math.round(((memory.end - memory.start) / memory.start) * 1000) / 10;
    console.log(
      `\nmemory: our gateway (1 process), ${memory.seconds} s of dossier load at ${o.connections} connections: ${memory.answers} answers (${memory.failed} failed, ${memory.rps} req/s); heap after GC ${memory.start} MB at start, ${memory.middle} MB half way, ${memory.end} MB at end (${growth >= 0 ? '+' : ''}${growth} %); peak RSS ${memory.peakRssMb} MB`,
    );
  }
  for (const line of renderProfiles()) console.log(`flame graph: ${line}`);
  console.log(`\nrun took ${Math.round((performance.now() - began) / 1000)} s`);
}

runBench(main);
