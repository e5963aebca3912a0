import http from 'node:http';
import net from 'node:net';
import { ensureMongo, startDepartment, type RunningDepartment } from '@cg/kit';
import { loadDepartment, type Stack } from '@cg/kit/testing';

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
 * A database server of our own that can be killed (SIGKILL: no chance to flush anything, like a crash or a pulled
 * plug) and started again on the same port and data folder, as an operator restarting it would. `part` chooses the
 * process: the MongoDB-protocol server (mongod or FerretDB) or, under FerretDB, the PostgreSQL cluster behind it.
 */
export async function startRestartableDatabase(part: 'mongo' | 'postgresql' = 'mongo') {
  const handle = await ensureMongo({ ownServer: true, log: () => undefined });
  const server = handle.processes[part];
  if (!server) throw new Error(`the ${handle.kind} database has no ${part} process to kill`);
  return {
    kind: handle.kind,
    uri: handle.uri,
    kill: () => server.kill(),
    restart: () => server.restart(),
    stop: () => handle.stop(),
  };
}
