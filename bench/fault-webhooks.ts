/**
 * Webhook fault run: cases are dispatched to a unit under load through the gateway, each dispatch an event for the
 * unit's subscription; meanwhile the receiver (its own process), the party department (the sender: two processes,
 * each serving and dispatching) and then the database are SIGKILLed during delivery and started again. Prints events produced
 * (dispatches in the database) = delivered (unique idempotency keys the receiver applied), 0 lost, and how many
 * duplicates the receiver dropped by the key. `npm run bench:fault:webhooks [-- --cases 300]`
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connectDatabase, departmentDbName, freePort, repoRoot, stableId } from '@cg/kit';
import { buildWorld } from '../scripts/seed/write';
import { caseClient, GRID_WORKER, reporterOf, resident, UNITS, WATER } from '../tests/support/jointCase';
import { postGraphQL, startStack } from '@cg/kit/testing';
import { DEMO_IDENTITIES, mintDevToken } from '../gateway/src/auth';
import { startRestartableDatabase } from '../tests/support/faults';
import { benchGateway, report, sleep, spawnDepartment } from './support';

const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(`--${name}`) + 1] || fallback) || fallback;
const CASES = arg('cases', 300);
const CONCURRENCY = 4;
const SENDER_ENV = {
  CG_WEBHOOK_POLL_MS: '100',
  CG_WEBHOOK_BACKOFF_MS: '200',
  CG_WEBHOOK_MAX_BACKOFF_MS: '2000',
  CG_WEBHOOK_MAX_ATTEMPTS: '1000',
  CG_WEBHOOK_TIMEOUT_MS: '2000',
  CG_WEBHOOK_SCAN_MS: '3600000',
  CG_OUTBOX_GRACE_MS: '5000',
  CG_WEBHOOKS: 'on',
};

function startReceiver(port: number, keysFile: string, secret: string) {
  let child: ChildProcess;
  const start = async () => {
    child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'bench', 'webhook-receiver.ts')], {
      cwd: repoRoot,
      env: { ...process.env, PORT: String(port), KEYS_FILE: keysFile, SECRET: secret },
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    for (let i = 0; i < 200; i++) {
      if (
        await fetch(`http://127.0.0.1:${port}/`).then(
          () => true,
          () => false,
        )
      )
        return;
      await sleep(100);
    }
    throw new Error('the receiver did not start');
  };
  const kill = () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGKILL'))));
  return { start, kill };
}
/** A restart on this shared machine may miss its first database connection (1 s server selection): tried twice. */
const restart = (p: { start(): Promise<void> }) => p.start().catch(() => p.start());
/** Processes to end when the run fails half-way, so none is left behind. */
const running: Array<() => Promise<unknown>> = [];
const lines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);

async function main() {
  process.env.LOG_LEVEL ??= 'warn'; // one log line per operation would bury the figures
  // A database of the run's own, which the run kills and restarts too.
  process.env.MONGODB_DB_PREFIX = `bench_webhooks_${process.pid}`;
  const mongo = await startRestartableDatabase('mongo');
  process.env.MONGODB_URI = mongo.uri;
  const world = await buildWorld('small');
  const stack = await startStack(); // seeded; the in-process departments serve all but party's API
  const dir = mkdtempSync(path.join(tmpdir(), 'cg-webhooks-'));
  const keysFile = path.join(dir, 'applied-keys');
  const receiverPort = await freePort();
  // Two processes of the party department: A serves the gateway and dispatches, B only dispatches.
  const senderA = await spawnDepartment('party', undefined, SENDER_ENV);
  const senderB = await spawnDepartment('party', undefined, SENDER_ENV);
  running.push(
    () => senderA.kill(),
    () => senderB.kill(),
    () => mongo.stop(),
  );
  const urls = Object.fromEntries(Object.entries(stack.departments).map(([n, d]) => [n, d.url]));
  const gateway = await benchGateway({ ...urls, party: senderA.url });
  // The stack's helpers, against this gateway (development keys, as every bench gateway).
  const api = caseClient({
    ...stack,
    gatewayUrl: gateway.url,
    token: (role, changes = {}) => mintDevToken({ ...DEMO_IDENTITIES[role]!, ...changes }),
    query: async (query, variables, options = {}) => (await postGraphQL(gateway.url, query, variables, { authorization: `Bearer ${options.token}` })).body,
  });

  const sub = await api.as(WATER, `mutation($i: SubscribeWebhookInput!) { subscribeWebhook(input: $i) { secret subscription { id } } }`, {
    i: { url: `http://127.0.0.1:${receiverPort}/hook`, events: ['CASE_DISPATCHED'], unitId: UNITS.water },
  });
  if (sub.errors) throw new Error(JSON.stringify(sub.errors));
  const receiver = startReceiver(receiverPort, keysFile, sub.data.subscribeWebhook.secret);
  running.push(() => receiver.kill());
  await receiver.start();

  const who = reporterOf(world);
  const tag = `webhook-fault-${process.pid}`;
  let acknowledged = 0;
  let failedCalls = 0;
  let calls = 0;
  const worker = async () => {
    // Until CASES dispatches are acknowledged: the faults below fall in the middle of the load.
    while (acknowledged < CASES) {
      calls++;
      try {
        const c = await api.submit(resident(who.residentId), { reporterId: who.residentId, unitId: who.unitId, category: 'WATER', description: tag });
        await api.ok(GRID_WORKER, 'dispatchJointCase', c, { leadUnitId: UNITS.water });
        acknowledged++;
      } catch {
        failedCalls++; // the sender is down: the client sees an error (the change may or may not be in)
        await sleep(200);
      }
    }
  };
  const started = Date.now();
  const load = Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const timeline: string[] = [];
  const at = (what: string) => timeline.push(`${((Date.now() - started) / 1000).toFixed(1)}s ${what}`);
  await sleep(3000);
  await receiver.kill();
  at('receiver killed');
  await sleep(1500);
  await senderA.kill();
  at('sender A killed (serving + dispatching)');
  await sleep(1500);
  await restart(receiver);
  at('receiver restarted');
  await restart(senderA);
  at('sender A restarted');
  await sleep(1500);
  await senderB.kill();
  at('sender B killed during delivery');
  await sleep(500);
  await restart(senderB);
  at('sender B restarted');
  await sleep(1000);
  await mongo.kill();
  at(`database killed (${mongo.kind})`);
  await sleep(2000);
  await mongo.restart();
  at('database restarted');
  await load;
  at(`load done (${acknowledged} acknowledged)`);

  // Events produced = dispatches of this run's cases that are in the database (acknowledged or not).
  const party = await connectDatabase({ uri: process.env.MONGODB_URI!, dbName: departmentDbName('party') });
  const cases = (await party.collection('joint_cases').find({ description: tag }).toArray()) as unknown as Array<{ _id: string; history: Array<{ step: string }> }>;
  const expected = new Set(cases.filter((c) => c.history[1]?.step === 'DISPATCH').map((c) => stableId(stableId('outbox', 'JointCase', c._id, '1'), 'CASE_DISPATCHED')));
  let delivered = new Set<string>();
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    delivered = new Set(lines(keysFile));
    if ([...expected].every((k) => delivered.has(k))) break;
    await sleep(500);
  }
  at('drained');
  const deliveries = await party.collection('webhook_deliveries').find({ subscriptionId: sub.data.subscribeWebhook.subscription.id }).toArray();
  const attempts = deliveries.reduce((n, d) => n + (d.attempts as unknown[]).length, 0);
  const lost = [...expected].filter((k) => !delivered.has(k)).length;
  const unexpected = [...delivered].filter((k) => !expected.has(k)).length;
  const duplicates = lines(`${keysFile}.duplicates`).length;
  report(
    'Webhook delivery under receiver and sender kills',
    {
      timeline,
      'submit + dispatch attempts': calls,
      'acknowledged dispatches': acknowledged,
      'calls failed (sender or database down)': failedCalls,
      'events produced (dispatches in the database)': expected.size,
      'events delivered (unique keys applied)': delivered.size,
      lost,
      'delivered without a dispatch': unexpected,
      'duplicates dropped by the key': duplicates,
      'signatures refused': lines(`${keysFile}.refused`).length,
      'delivery attempts': attempts,
      'deliveries FAILED': deliveries.filter((d) => d.state === 'FAILED').length,
      'seconds until all delivered': ((Date.now() - started) / 1000).toFixed(1),
    },
    [
      ['every acknowledged dispatch produced an event', expected.size >= acknowledged],
      ['produced = delivered', expected.size === delivered.size && unexpected === 0],
      ['0 lost', lost === 0],
      ['no signature refused', lines(`${keysFile}.refused`).length === 0],
    ],
  );
  await party.close();
  await receiver.kill();
  await Promise.all([senderA.stop(), senderB.stop()]);
  await gateway.stop();
  await stack.stop();
  await mongo.stop();
  rmSync(dir, { recursive: true, force: true });
}

main().catch(async (error) => {
  console.error(error);
  await Promise.allSettled(running.map((stop) => stop()));
  process.exit(1);
});
