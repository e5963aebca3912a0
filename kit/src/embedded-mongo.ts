import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './registry';

/**
 * A real MongoDB-protocol server for development and tests. Order: `MONGODB_URI`; a `mongod` on the PATH;
 * mongodb-memory-server (only where it can download MongoDB); FerretDB v1 on SQLite, built once with Go.
 */
export interface MongoHandle {
  uri: string;
  kind: 'external' | 'mongod' | 'mongodb-memory-server' | 'ferretdb';
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Keep data here between runs; a fresh temporary folder (removed on stop) when absent. */
  dataDir?: string;
  log?: (line: string) => void;
}

const cacheDir = () => process.env.CG_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'community-governance');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForPort(port: number, child: ChildProcess, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode} before accepting connections`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not accept connections on port ${port} within ${timeoutMs} ms`);
}

function stopChild(child: ChildProcess, cleanup: () => void): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      const done = () => (cleanup(), resolve());
      if (child.exitCode !== null || child.signalCode) return done();
      child.once('exit', done);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    });
}

/** Each kind keeps its own files under a persistent data folder: their formats differ. */
function dataDirFor(kind: MongoHandle['kind'], options: EmbeddedOptions): string {
  const dir = options.dataDir ? path.resolve(options.dataDir, kind) : mkdtempSync(path.join(os.tmpdir(), `cg-${kind}-`));
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function spawnServer(kind: MongoHandle['kind'], command: string, args: (port: number, dir: string) => string[], options: EmbeddedOptions) {
  const dir = dataDirFor(kind, options);
  const port = await freePort();
  const child = spawn(command, args(port, dir), { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  try {
    await waitForPort(port, child, `${kind} (${command})`);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
  const cleanup = () => options.dataDir === undefined && rmSync(dir, { recursive: true, force: true });
  return { uri: `mongodb://127.0.0.1:${port}/`, kind, stop: stopChild(child, cleanup) } satisfies MongoHandle;
}

const onPath = (bin: string) => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;

async function tryMemoryServer(options: EmbeddedOptions): Promise<MongoHandle> {
  // Without internet the download fails after several seconds; remember that for a day instead of paying it each run.
  const marker = path.join(cacheDir(), 'mongodb-memory-server.unavailable');
  if (existsSync(marker) && Date.now() - Number(readFileSync(marker, 'utf8')) < 86_400_000) {
    throw new Error(`download failed earlier (cached in ${marker})`);
  }
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  try {
    const server = await MongoMemoryServer.create({
      binary: { version: process.env.MONGOMS_VERSION ?? '7.0.14' },
      instance: options.dataDir ? { dbPath: dataDirFor('mongodb-memory-server', options), storageEngine: 'wiredTiger' } : {},
    });
    return { uri: server.getUri(), kind: 'mongodb-memory-server', stop: async () => void (await server.stop()) };
  } catch (error) {
    if ((error as Error).name === 'DownloadError' || /Download failed/.test((error as Error).message)) {
      mkdirSync(cacheDir(), { recursive: true });
      writeFileSync(marker, String(Date.now()));
    }
    throw error;
  }
}

/** Builds FerretDB through scripts/toolchain.sh (the same code CI uses) unless it is cached already. */
function ferretdbBinary(log: (line: string) => void): string {
  log('building FerretDB v1 from the Go module proxy (once; a few minutes)…');
  const result = spawnSync('bash', ['-c', 'source scripts/toolchain.sh && ensure_ferretdb'], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, CG_CACHE: cacheDir() },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const bin = result.stdout.trim().split('\n').pop() ?? '';
  if (result.status !== 0 || !existsSync(bin)) throw new Error(`FerretDB build failed (exit ${result.status})`);
  return bin;
}

export async function ensureMongo(options: EmbeddedOptions = {}): Promise<MongoHandle> {
  const log = options.log ?? ((line: string) => console.error(`[database] ${line}`));
  if (process.env.MONGODB_URI) return { uri: process.env.MONGODB_URI, kind: 'external', stop: async () => undefined };

  const tried: string[] = [];
  const forced = process.env.CG_EMBEDDED_DB; // 'mongod' | 'mongodb-memory-server' | 'ferretdb'
  const attempts: Array<[MongoHandle['kind'], () => Promise<MongoHandle>]> = [
    ['mongod', async () => {
      if (!onPath('mongod')) throw new Error('no mongod on PATH');
      return spawnServer('mongod', 'mongod', (port, dir) => ['--port', String(port), '--bind_ip', '127.0.0.1', '--dbpath', dir, '--quiet'], options);
    }],
    ['mongodb-memory-server', () => tryMemoryServer(options)],
    ['ferretdb', async () => {
      const cached = path.join(cacheDir(), `ferretdb-${process.env.FERRETDB_VERSION ?? 'v1.24.2'}`);
      const bin = existsSync(cached) ? cached : ferretdbBinary(log);
      return spawnServer('ferretdb', bin, (port, dir) => [`--sqlite-url=file:${dir}/`, `--listen-addr=127.0.0.1:${port}`, '--log-level=error'], options);
    }],
  ];
  for (const [kind, start] of attempts) {
    if (forced && forced !== kind) continue;
    try {
      const handle = await start();
      log(`using ${kind} at ${handle.uri}`);
      return handle;
    } catch (error) {
      tried.push(`${kind}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  throw new Error(
    `No MongoDB-protocol server could be started. Tried:\n  ${tried.join('\n  ')}\n` +
      'Fix: set MONGODB_URI to a running MongoDB, put mongod on the PATH, or install Go so FerretDB can be built (bash .ci/run does this).',
  );
}
