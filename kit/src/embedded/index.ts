import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ferretdbBinary, startFerretdb } from './ferretdb';
import { DataFolderInUse, startPostgresql, type PostgresqlServer } from './postgresql';
import { freePort, startServerProcess, type ServerProcess } from './process';

export { freePort, startServerProcess, type ServerProcess } from './process';

/**
 * A real MongoDB-protocol server for development and tests. Order: `MONGODB_URI`; a `mongod` on the PATH;
 * FerretDB v1 (patched, scripts/ferretdb/) on a private PostgreSQL cluster; FerretDB on SQLite where PostgreSQL
 * cannot be had. `CG_EMBEDDED_DB=mongod|ferretdb|ferretdb-sqlite` forces one.
 */
export interface MongoHandle {
  uri: string;
  kind: 'external' | 'mongod' | 'ferretdb' | 'ferretdb-sqlite';
  /** The processes behind it, for fault runs that kill and restart one (none for an external database). */
  processes: { mongo?: ServerProcess; postgresql?: PostgresqlServer };
  /** After a bulk write: fresh planner statistics for FerretDB's PostgreSQL (nothing to do for the other kinds). */
  refreshStatistics(): Promise<void>;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Keep data here between runs; a fresh temporary folder (removed on stop) when absent. */
  dataDir?: string;
  log?: (line: string) => void;
  /** Start an embedded server even when MONGODB_URI is set (fault runs kill and restart their own). */
  ownServer?: boolean;
}

/** Each kind keeps its own files under a persistent data folder: their formats differ. */
function dataDirFor(kind: string, options: EmbeddedOptions): { dir: string; remove: () => void } {
  if (!options.dataDir) {
    const dir = mkdtempSync(path.join(os.tmpdir(), `cg-${kind}-`));
    return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
  }
  const dir = path.resolve(options.dataDir, kind);
  mkdirSync(dir, { recursive: true });
  return { dir, remove: () => undefined };
}

const uriOf = (server: ServerProcess) => `mongodb://127.0.0.1:${server.port}/`;
const nothingToRefresh = async () => undefined;

async function startMongod(options: EmbeddedOptions): Promise<MongoHandle> {
  if (spawnSync('sh', ['-c', 'command -v mongod']).status !== 0) throw new Error('no mongod on PATH');
  const { dir, remove } = dataDirFor('mongod', options);
  const port = await freePort();
  const mongo = await startServerProcess('mongod', 'mongod', ['--port', String(port), '--bind_ip', '127.0.0.1', '--dbpath', dir, '--quiet'], port);
  return { uri: uriOf(mongo), kind: 'mongod', processes: { mongo }, refreshStatistics: nothingToRefresh, stop: async () => (await mongo.stop(), remove()) };
}

async function startFerretdbOnPostgresql(options: EmbeddedOptions, log: (line: string) => void): Promise<MongoHandle> {
  const bin = ferretdbBinary(log);
  const { dir, remove } = dataDirFor('postgresql', options);
  const postgresql = await startPostgresql(dir, { durable: options.dataDir !== undefined });
  try {
    const mongo = await startFerretdb(bin, { postgresqlUrl: postgresql.url });
    const stop = async () => {
      await mongo.stop();
      await postgresql.stop();
      remove();
      // A cluster moved out of an unreachable folder is temporary exactly when its folder was.
      if (postgresql.dir !== dir && !options.dataDir) rmSync(postgresql.dir, { recursive: true, force: true });
    };
    return { uri: uriOf(mongo), kind: 'ferretdb', processes: { mongo, postgresql }, refreshStatistics: () => postgresql.analyze(), stop };
  } catch (error) {
    await postgresql.stop();
    throw error;
  }
}

async function startFerretdbOnSqlite(options: EmbeddedOptions, log: (line: string) => void): Promise<MongoHandle> {
  const bin = ferretdbBinary(log);
  const { dir, remove } = dataDirFor('ferretdb', options);
  const mongo = await startFerretdb(bin, { sqliteDir: dir });
  return { uri: uriOf(mongo), kind: 'ferretdb-sqlite', processes: { mongo }, refreshStatistics: nothingToRefresh, stop: async () => (await mongo.stop(), remove()) };
}

export async function ensureMongo(options: EmbeddedOptions = {}): Promise<MongoHandle> {
  const log = options.log ?? ((line: string) => console.error(`[database] ${line}`));
  if (process.env.MONGODB_URI && !options.ownServer)
    return { uri: process.env.MONGODB_URI, kind: 'external', processes: {}, refreshStatistics: nothingToRefresh, stop: async () => undefined };

  const forced = process.env.CG_EMBEDDED_DB;
  const attempts: Array<[MongoHandle['kind'], () => Promise<MongoHandle>]> = [
    ['mongod', () => startMongod(options)],
    ['ferretdb', () => startFerretdbOnPostgresql(options, log)],
    ['ferretdb-sqlite', () => startFerretdbOnSqlite(options, log)],
  ];
  const tried: string[] = [];
  for (const [kind, start] of attempts) {
    if (forced && forced !== kind) continue;
    try {
      const handle = await start();
      if (kind === 'ferretdb-sqlite' && !forced) {
        log(`PostgreSQL could not be started (${tried.at(-1)}); FerretDB on SQLite instead, which reads without indexes`);
      }
      log(`using ${kind === 'ferretdb' ? 'FerretDB on PostgreSQL' : kind} at ${handle.uri}`);
      return handle;
    } catch (error) {
      if (error instanceof DataFolderInUse) throw error;
      tried.push(`${kind}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  throw new Error(
    `No MongoDB-protocol server could be started. Tried:\n  ${tried.join('\n  ')}\n` +
      'Fix: set MONGODB_URI to a running MongoDB, put mongod on the PATH, or install Go and PostgreSQL so FerretDB can run (bash .ci/run does this).',
  );
}
export { startRedis } from './redis';
