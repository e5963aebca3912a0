import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ensureMongo, freePort, startDepartment, type RunningDepartment } from '@cg/kit';
import { loadDepartment, type Stack } from './stack';

/** Fault injection for tests/reliability*.e2e.ts and bench/fault-*.ts: real processes and sockets, no mocks. */

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Brings a stopped department of a stack back on the same port and database (as a restarted process would). */
export async function restartDepartment(stack: Stack, name: string): Promise<RunningDepartment<any>> {
  const old = stack.departments[name]!;
  const { listSubgraphs } = await import('@cg/kit');
  const entry = listSubgraphs().find((e) => e.name === name)!;
  const fresh = await startDepartment(await loadDepartment(entry.dir), { mongoUri: process.env.MONGODB_URI!, dbName: old.connection.name, port: old.port });
  stack.departments[name] = fresh;
  return fresh;
}

/** An HTTP proxy in front of a department that holds every request for `delayMs` before forwarding it. */
export async function startDelayProxy(target: string, delayMs: number) {
  const targetUrl = new URL(target);
  let delay = delayMs;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const timer = setTimeout(() => {
        const upstream = http.request(
          { host: targetUrl.hostname, port: targetUrl.port, path: req.url, method: req.method, headers: req.headers },
          (answer) => (res.writeHead(answer.statusCode ?? 502, answer.headers), answer.pipe(res)),
        );
        upstream.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end()));
        upstream.end(Buffer.concat(chunks));
      }, delay);
      res.on('close', () => clearTimeout(timer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${targetUrl.pathname}`,
    setDelay: (ms: number) => void (delay = ms),
    stop: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

/**
 * A database server of our own that can be killed and started again on the same port and data folder, as an
 * operator restarting it would: mongod when on the PATH, else the FerretDB binary the test setup built.
 */
export async function startRestartableDatabase() {
  await ensureMongo({ log: () => undefined }).then((h) => h.stop()); // builds FerretDB once if missing
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cg-fault-db-'));
  const port = await freePort();
  const mongod = spawnSync('sh', ['-c', 'command -v mongod']).status === 0 && process.env.CG_EMBEDDED_DB !== 'ferretdb';
  const cache = process.env.CG_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'community-governance');
  const ferretdb = path.join(cache, `ferretdb-${process.env.FERRETDB_VERSION ?? 'v1.24.2'}`);
  if (!mongod && !existsSync(ferretdb)) throw new Error(`no mongod on PATH and no FerretDB at ${ferretdb}`);
  const [command, args] = mongod
    ? ['mongod', ['--port', String(port), '--bind_ip', '127.0.0.1', '--dbpath', dir, '--quiet']]
    : [ferretdb, [`--sqlite-url=file:${dir}/`, `--listen-addr=127.0.0.1:${port}`, '--log-level=error']];
  let child: ChildProcess | undefined;
  const up = async () => {
    child = spawn(command, args as string[], { stdio: 'ignore' });
    for (let i = 0; i < 300; i++) {
      const open = await new Promise<boolean>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
        socket.on('error', () => resolve(false));
      });
      if (open) return;
      await sleep(50);
    }
    throw new Error(`${command} did not listen on ${port}`);
  };
  /** SIGKILL: the process gets no chance to flush anything, like a crash or a pulled plug. */
  const kill = async () => {
    const dying = child;
    if (!dying || dying.exitCode !== null) return;
    await new Promise((resolve) => (dying.once('exit', resolve), dying.kill('SIGKILL')));
  };
  await up();
  return {
    kind: mongod ? 'mongod' : 'ferretdb',
    uri: `mongodb://127.0.0.1:${port}/`,
    kill,
    restart: up,
    stop: async () => (await kill(), rmSync(dir, { recursive: true, force: true })),
  };
}
