import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { freePort, listSubgraphs, repoRoot, signedHeaders } from '@cg/kit';
import { DEMO_IDENTITIES, mintDevToken } from '@cg/gateway/auth';

// GATEWAY_WORKERS and <NAME>_WORKERS: the real entry points as a cluster, one process per worker sharing the port.
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

/** One request on a connection of its own (the cluster hands each new connection to the next worker). */
function send(port: number, method: string, pathname: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: pathname, agent: false, headers: { connection: 'close', ...headers } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const parentOf = (pid: number) => Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);

/** The pids answering /health/live over `tries` fresh connections. */
async function answering(port: number, tries = 12): Promise<Set<number>> {
  const pids = new Set<number>();
  for (let i = 0; i < tries; i++) {
    const live = await send(port, 'GET', '/health/live').catch(() => null);
    if (live) pids.add(live.body.pid);
  }
  return pids;
}

async function startCluster(entry: string, env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, entry)], {
    cwd: repoRoot,
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  children.push(child);
  for (let i = 0; i < 600 && (await answering(port, 4)).size < 2; i++) {
    if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode}`);
    await sleep(200);
  }
  return { port, primary: child };
}

/** Two workers answer, every answer right; a killed worker is replaced; SIGTERM stops them all. */
async function proveCluster(entry: string, env: Record<string, string>, query: (port: number) => Promise<{ status: number; body: any }>) {
  const { port, primary } = await startCluster(entry, env);
  const workers = await answering(port);
  expect(workers.size).toBe(2);
  for (const pid of workers) expect(parentOf(pid)).toBe(primary.pid);
  for (let i = 0; i < 4; i++) {
    const answer = await query(port);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { __typename: 'Query' } });
  }

  const [victim, survivor] = [...workers];
  process.kill(victim!, 'SIGKILL');
  let now = new Set<number>();
  for (let i = 0; i < 300 && !(now.size === 2 && !now.has(victim!)); i++) {
    await sleep(200);
    now = await answering(port, 6);
  }
  expect(now.has(victim!)).toBe(false);
  expect(now.has(survivor!)).toBe(true);
  expect(now.size).toBe(2);
  expect((await query(port)).status).toBe(200);

  const exited = new Promise<number | null>((resolve) => primary.once('exit', (code) => resolve(code)));
  primary.kill('SIGTERM');
  expect(await exited).toBe(0);
  for (const pid of now) expect(() => process.kill(pid, 0)).toThrow();
}

test('GATEWAY_WORKERS=2: two gateway processes answer on one port, and one that dies is replaced', async () => {
  const token = await mintDevToken(DEMO_IDENTITIES['civil-affairs-clerk']!, { expiresIn: '10m' });
  const body = JSON.stringify({ query: '{ __typename }' });
  await proveCluster('gateway/src/index.ts', { GATEWAY_WORKERS: '2' }, (port) =>
    send(port, 'POST', '/graphql', { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body),
  );
}, 180_000);

test('CIVIL_AFFAIRS_WORKERS=2: a department as two processes on one port, each accepting signed requests; one that dies is replaced', async () => {
  const entry = listSubgraphs().find((e) => e.name === 'civil-affairs')!;
  const body = JSON.stringify({ query: '{ __typename }' });
  await proveCluster(path.relative(repoRoot, path.join(entry.dir, 'src', 'index.ts')), { CIVIL_AFFAIRS_WORKERS: '2' }, (port) =>
    send(
      port,
      'POST',
      '/graphql',
      { 'content-type': 'application/json', ...signedHeaders('civil-affairs', body, DEMO_IDENTITIES['civil-affairs-clerk']!, `cluster-${Date.now()}`) },
      body,
    ),
  );
}, 180_000);
