/**
 * Fault 2: SIGKILL the database during a stream of writes that carry idempotency keys, restart it on the same port
 * and data folder, let the clients retry until every write is acknowledged: each acknowledged write is present
 * exactly once. `npm run bench:fault:database [-- --kill postgresql]`: by default the MongoDB-protocol server
 * (FerretDB, or mongod when on the PATH); `--kill postgresql` the PostgreSQL cluster behind FerretDB instead.
 */
import { listSubgraphs, stableId, startDepartment } from '@cg/kit';
import { seedWorld } from '../scripts/seed/write';
import { startRestartableDatabase } from '../tests/support/faults';
import { loadDepartment } from '@cg/kit/testing';
import { benchGateway, errorSummary, post, report, runBench, sleep, stopAll } from './support';

const WRITES = 300;
const CLIENTS = 4;
const KILL_AFTER_MS = 1500;
const DOWN_MS = 3000;
const GIVE_UP_MS = 60_000;

async function main() {
  process.env.MONGODB_DB_PREFIX = `bench_db_${process.pid}`;
  const part = process.argv.includes('--kill') ? (process.argv[process.argv.indexOf('--kill') + 1] as 'mongo' | 'postgresql') : 'mongo';
  const db = await startRestartableDatabase(part);
  await seedWorld(db.uri, 'small', process.env.MONGODB_DB_PREFIX);
  const entry = listSubgraphs().find((e) => e.name === 'civil-affairs')!;
  const civil = await startDepartment(await loadDepartment(entry.dir), { mongoUri: db.uri });
  const unreachable = Object.fromEntries(listSubgraphs().map((e) => [e.name, 'http://127.0.0.1:9/graphql']));
  const gateway = await benchGateway({ ...unreachable, 'civil-affairs': civil.url });

  const residentId = stableId('resident', 'YHM0101000', 0);
  const mutation = 'mutation($i: RecordVisitInput!) { recordVisit(input: $i) { id } }';
  const acknowledged = new Map<string, string>(); // idempotency key → id the client was told
  const reasons = new Map<string, number>();
  let sent = 0;
  let failedAttempts = 0;
  let retriedWrites = 0;
  let killedAt = 0;
  let restartedAt = 0;
  let firstSuccessAfterRestart = 0;
  const started = Date.now();

  let next = 0;
  const client = async () => {
    while (next < WRITES) {
      const n = next++;
      const key = `bench-visit-${String(n).padStart(6, '0')}`;
      const input = { residentId, visitedOn: '2026-04-01', method: 'HOME', visitorName: '网格员', notes: `走访 #${n}`, idempotencyKey: key };
      for (let attempt = 0; Date.now() - started < GIVE_UP_MS; attempt++) {
        sent++;
        const { status, body } = await post<{ recordVisit?: { id?: string } | null }>(gateway.url, mutation, { i: input }, 5000);
        const id = body?.data?.recordVisit?.id;
        if (status === 200 && id) {
          acknowledged.set(key, id);
          if (restartedAt && !firstSuccessAfterRestart) firstSuccessAfterRestart = Date.now();
          if (attempt > 0) retriedWrites++;
          break;
        }
        failedAttempts++;
        const cause = errorSummary(status, body);
        reasons.set(cause, (reasons.get(cause) ?? 0) + 1);
        await sleep(Math.min(1000, 100 * 2 ** attempt)); // the client backs off and retries with the same key
      }
    }
  };
  const clients = Array.from({ length: CLIENTS }, client);
  await sleep(KILL_AFTER_MS);
  const beforeKill = acknowledged.size;
  await db.kill();
  killedAt = Date.now();
  await sleep(DOWN_MS);
  await db.restart();
  restartedAt = Date.now();
  await Promise.all(clients);

  // Every acknowledged id exactly once; nothing else written under those keys.
  const docs = (await civil.models.Visit.find({ residentId, visitedOn: '2026-04-01' }).lean()) as Array<{ _id: string }>;
  const present = new Map<string, number>();
  for (const d of docs) present.set(d._id, (present.get(d._id) ?? 0) + 1);
  const lost = [...acknowledged.values()].filter((id) => !present.has(id)).length;
  const duplicated = docs.length - present.size + [...present.keys()].filter((id) => ![...acknowledged.values()].includes(id)).length;

  const killed = part === 'postgresql' ? `PostgreSQL under ${db.kind}` : db.kind;
  report(
    `fault 2: SIGKILL the database (${killed}) during ${WRITES} keyed writes, restart it, clients retry`,
    {
      'requests sent (attempts)': sent,
      'succeeded (writes acknowledged)': acknowledged.size,
      'acknowledged before the kill': beforeKill,
      partial: 0,
      'failed attempts (then retried)': failedAttempts,
      'writes that needed a retry': retriedWrites,
      'database down for': `${restartedAt - killedAt} ms`,
      'recovery time (restart → first ack)': `${firstSuccessAfterRestart - restartedAt} ms`,
      'records in the database': docs.length,
      'records lost': lost,
      'records duplicated': duplicated,
      'failed attempts by cause': Object.fromEntries(reasons),
    },
    [
      ['every write acknowledged in the end', acknowledged.size === WRITES],
      ['writes failed while the database was down (the fault was real)', failedAttempts > 0],
      ['no acknowledged write lost', lost === 0],
      ['no write stored twice', duplicated === 0 && docs.length === WRITES],
      ['recovered within 10 s of the restart', firstSuccessAfterRestart > 0 && firstSuccessAfterRestart - restartedAt < 10_000],
    ],
  );
  await stopAll(gateway, civil, db);
}

runBench(main);
