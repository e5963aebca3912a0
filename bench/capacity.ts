/**
 * `npm run bench:capacity [-- --duration 10 --connections 4]`: what one request costs each process, for the
 * capacity plan (docs/capacity.md) and the Kubernetes resource requests (deploy/kubernetes, scripts/kubernetes.ts).
 * Seeds the `county` scale (about 10,000 residents) into .data/db, runs every department and one gateway process as
 * their real entry points, loads the gateway per scenario with autocannon, and samples every process from /proc:
 * CPU milliseconds per answered request, idle and peak RSS. Then the stored size per resident, per department, as
 * raw BSON (what MongoDB stores before compression). Writes bench/results/capacity.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { AUDIT_COLLECTION, connectDatabase, departmentDbName, ensureMongo, envName, freePort, listSubgraphs, NONCE_COLLECTION, repoRoot } from '@cg/kit';
import { FINGERPRINTS } from '../scripts/seed/fingerprints';
import { seedWorld } from '../scripts/seed/write';
import { runBench, spawnDepartment } from './support';
import { runLoad, type LoadRequest } from './perf/load';
import { spawnEntry, watchProcess } from './perf/processes';
import * as s from './perf/scenarios';

const arg = (name: string, fallback: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1]! : fallback);
const SECONDS = Number(arg('duration', '10'));
const CONNECTIONS = Number(arg('connections', '4'));
const SCALE = 'county';

Object.assign(process.env, {
  LOG_LEVEL: 'warn',
  RATE_LIMIT_POINTS: '100000000',
  SUBGRAPH_TIMEOUT_MS: '30000',
  GATEWAY_REQUEST_TIMEOUT_MS: '35000',
  PEER_TIMEOUT_MS: '30000',
  MONGODB_DB_PREFIX: SCALE,
});

const rssMb = (pid: number) => {
  const stop = watchProcess(pid);
  return stop().peakRssMb;
};

type Sizes = Record<string, Record<string, { documents: number; bsonBytes: number }>>;

/** Documents and raw BSON bytes of every collection of every department (seed fingerprints and locks aside). */
async function storedSizes(uri: string): Promise<Sizes> {
  const sizes: Sizes = {};
  for (const entry of listSubgraphs()) {
    const connection = await connectDatabase({ uri, dbName: departmentDbName(entry.name) });
    sizes[entry.name] = {};
    for (const { name } of await connection.db!.listCollections().toArray()) {
      if ([FINGERPRINTS, 'locks'].includes(name)) continue;
      const size = (sizes[entry.name]![name] = { documents: 0, bsonBytes: 0 });
      for await (const doc of connection.db!.collection(name).find()) {
        size.documents++;
        size.bsonBytes += mongoose.mongo.BSON.calculateObjectSize(doc);
      }
    }
    await connection.close();
  }
  return sizes;
}

/** Bytes added between two snapshots, by department, in the collections `pick` chooses. */
function grown(before: Sizes, after: Sizes, pick: (collection: string) => boolean) {
  return Object.fromEntries(
    Object.entries(after).map(([department, collections]) => [
      department,
      Object.entries(collections)
        .filter(([c]) => pick(c))
        .reduce((n, [c, v]) => n + v.bsonBytes - (before[department]?.[c]?.bsonBytes ?? 0), 0),
    ]),
  );
}

async function main() {
  const mongo = await ensureMongo({ dataDir: '.data/db' });
  process.env.MONGODB_URI = mongo.uri;
  console.error(`[capacity] seeding ${SCALE} (skipped where already there)`);
  const counts = await seedWorld(mongo.uri, SCALE, SCALE);
  const residents = counts.find((c) => c.collection === 'residents')?.documents ?? 0;
  const ports = new Map<string, number>();
  for (const entry of listSubgraphs()) {
    ports.set(entry.name, await freePort());
    process.env[`${envName(entry.name)}_URL`] = `http://127.0.0.1:${ports.get(entry.name)}/graphql`;
  }
  const departments = Object.fromEntries(await Promise.all(listSubgraphs().map(async (e) => [e.name, await spawnDepartment(e.name, ports.get(e.name))] as const)));
  const gateway = await spawnEntry('gateway/src/index.ts', { GATEWAY_WORKERS: '1' }, 'gateway');
  const pids: Record<string, number> = { gateway: gateway.pid, ...Object.fromEntries(Object.entries(departments).map(([n, d]) => [n, d.pid])) };
  try {
    const clerk = await s.tokenFor(s.DEMO_CLERK);
    const secretary = await s.tokenFor(s.SECRETARY);
    const ids = s.headOfHouseholdIds(SCALE);
    const scenarios: Array<[string, LoadRequest[]]> = [
      ['resident card (one department)', [s.viaGateway(clerk, s.residentBody(ids))]],
      ['case dossier (every department)', [s.viaGateway(secretary, s.fixedBody(s.DOSSIER_QUERY, { id: await s.firstCaseId(gateway.url, secretary) }))]],
      ['case transitions (writes)', await s.caseTransitions(await s.reporterOf(gateway.url, clerk, ids[0]!))],
    ];
    await runLoad(gateway.url, scenarios[0]![1], { seconds: 2, connections: 2 }); // warm: plans, connections, JIT
    const idleRssMb = Object.fromEntries(Object.entries(pids).map(([n, pid]) => [n, rssMb(pid)]));
    const results = [];
    const atStart = await storedSizes(mongo.uri);
    let beforeWrites = atStart;
    let afterWrites = atStart;
    let cases = 0;
    for (const [name, sequence] of scenarios) {
      const writes = sequence.length > 1; // the chained case transitions: one case per sequence
      if (writes) beforeWrites = await storedSizes(mongo.uri);
      const watches = Object.fromEntries(Object.entries(pids).map(([n, pid]) => [n, watchProcess(pid)]));
      const load = await runLoad(gateway.url, sequence, { seconds: SECONDS, connections: CONNECTIONS });
      const perProcess = Object.fromEntries(
        Object.entries(watches).map(([n, stop]) => {
          const { cpuPercent, peakRssMb } = stop();
          return [n, { cpuMsPerRequest: Math.round(((cpuPercent / 100) * SECONDS * 1000 * 100) / Math.max(1, load.requests)) / 100, peakRssMb }];
        }),
      );
      results.push({ scenario: name, ...load, perProcess });
      if (writes) {
        afterWrites = await storedSizes(mongo.uri);
        cases = Math.round(load.requests / sequence.length);
      }
      console.error(`[capacity] ${name}: ${load.rps} req/s, p95 ${load.p95} ms, ${load.failed} failed`);
    }
    const atEnd = await storedSizes(mongo.uri);
    const data = (c: string) => ![AUDIT_COLLECTION, NONCE_COLLECTION].includes(c);
    const requests = results.reduce((n, r) => n + r.requests, 0);
    const seeded = new Set(counts.map((c) => `${c.department}/${c.collection}`));
    const report = {
      measured: new Date().toISOString().slice(0, 10),
      machine: {
        cpus: os.availableParallelism(),
        cpuModel: os.cpus()[0]?.model ?? '?',
        memGb: Math.round(os.totalmem() / 2 ** 30),
        loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
      },
      database: mongo.kind,
      run: { seconds: SECONDS, connections: CONNECTIONS, scale: SCALE, residents },
      idleRssMb,
      scenarios: results,
      // The seeded world (residents, households, members, units, …) per resident, as stored before any load.
      seededBsonBytesPerResident: Object.fromEntries(
        Object.entries(atStart).map(([d, cs]) => [
          d,
          Math.round(
            Object.entries(cs)
              .filter(([c]) => seeded.has(`${d}/${c}`))
              .reduce((n, [, v]) => n + v.bsonBytes, 0) / residents,
          ),
        ]),
      ),
      // A joint case taken from submission to 回单, and the access records of an average request.
      bsonBytesPerCase: Object.fromEntries(Object.entries(grown(beforeWrites, afterWrites, data)).map(([d, b]) => [d, Math.round(b / Math.max(1, cases))])),
      auditBsonBytesPerRequest: Object.fromEntries(
        Object.entries(grown(atStart, atEnd, (c) => c === AUDIT_COLLECTION)).map(([d, b]) => [d, Math.round(b / Math.max(1, requests))]),
      ),
    };
    const file = path.join(repoRoot, 'bench', 'results', 'capacity.json');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await gateway.stop();
    for (const d of Object.values(departments)) await d.stop();
    await mongo.stop();
  }
}

runBench(main);
