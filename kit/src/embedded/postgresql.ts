import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { diesWithParent, freePort, startServerProcess, type ServerProcess } from './process';

/**
 * A private PostgreSQL cluster for the embedded FerretDB: `initdb` once into its folder, then `postgres` as a child
 * process on a free port of 127.0.0.1, with trust authentication (nothing else can reach it) and the C collation
 * (FerretDB's patched ORDER BY then orders strings byte-wise, as MongoDB does).
 */
export interface PostgresqlServer extends ServerProcess {
  url: string;
  dir: string;
  /** ANALYZE every table: a bulk load leaves the planner without statistics, and its first guesses are slow plans. */
  analyze(): Promise<void>;
}

/** initdb and postgres from the PATH or from Debian's versioned folders (newest first). */
function postgresqlBinaries(): { initdb: string; postgres: string; psql: string } | null {
  const inFolder = (bin: string) => ({ initdb: path.join(bin, 'initdb'), postgres: path.join(bin, 'postgres'), psql: path.join(bin, 'psql') });
  const onPath = spawnSync('sh', ['-c', 'command -v initdb']).stdout?.toString().trim();
  if (onPath) {
    const dir = path.dirname(spawnSync('readlink', ['-f', onPath]).stdout.toString().trim());
    if (existsSync(path.join(dir, 'postgres'))) return inFolder(dir);
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const bin = path.join(root, version, 'bin');
    if (existsSync(path.join(bin, 'initdb'))) return inFolder(bin);
  }
  return null;
}

/** Another run holds the data folder: starting anything else (SQLite) would hide its data, so this ends the search. */
export class DataFolderInUse extends Error {}

/** PostgreSQL refuses to run as root: as root, the server runs as the `postgres` user (or `nobody`). */
function serverUser(): { uid: number; gid: number; name: string } | null {
  if (process.getuid?.() !== 0) return null;
  for (const name of ['postgres', 'nobody']) {
    const id = spawnSync('id', ['-u', name]);
    if (id.status === 0) return { uid: Number(id.stdout), gid: Number(spawnSync('id', ['-g', name]).stdout), name };
  }
  throw new Error('running as root, and neither a postgres nor a nobody user exists to run PostgreSQL as');
}

const asUser = (user: ReturnType<typeof serverUser>, command: string, args: string[]): [string, string[]] =>
  user ? ['setpriv', [`--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups', '--', command, ...args]] : [command, args];

/** Whether `user` can reach `dir` (as root, a data folder under /root is out of the postgres user's reach). */
const reachable = (user: ReturnType<typeof serverUser>, dir: string) => !user || spawnSync(...asUser(user, 'test', ['-w', dir])).status === 0;

/**
 * A crashed run may leave postmaster.pid behind, naming a process that is gone (or, after a reboot, someone else):
 * the file is removed so that the next start is not blocked. A server of ours still running on the folder belongs
 * to another run (servers die with the process that started them), which is said plainly rather than stopped.
 */
function clearStaleServer(dir: string) {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  const command = pid > 0 && existsSync(`/proc/${pid}/cmdline`) ? readFileSync(`/proc/${pid}/cmdline`, 'utf8') : '';
  if (command.includes('postgres') && command.includes(dir)) {
    throw new DataFolderInUse(`PostgreSQL (pid ${pid}) already serves ${dir}: another npm start or seed uses this data folder; stop it first`);
  }
  rmSync(pidFile, { force: true });
}

export async function startPostgresql(dataDir: string, { durable }: { durable: boolean }): Promise<PostgresqlServer> {
  const binaries = postgresqlBinaries();
  if (!binaries) throw new Error('initdb not found (apt-get install postgresql-15, or source scripts/toolchain.sh && ensure_postgresql)');
  const user = serverUser();
  let dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  if (user) chownSync(dir, user.uid, user.gid);
  if (!reachable(user, dir)) {
    // e.g. a clone under /root: the cluster lives beside the system's temporary files instead, named after the folder.
    dir = path.join(os.tmpdir(), `cg-postgresql-${createHash('sha256').update(dir).digest('hex').slice(0, 16)}`);
    mkdirSync(dir, { recursive: true });
    chownSync(dir, user!.uid, user!.gid);
  }
  chmodSync(dir, 0o700);
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    const init = spawnSync(...asUser(user, binaries.initdb, ['-D', dir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-instructions']), {
      encoding: 'utf8',
    });
    if (init.status !== 0) throw new Error(`initdb failed: ${(init.stderr || init.stdout).trim().split('\n').pop()}`);
  }
  clearStaleServer(dir);
  const port = await freePort();
  const settings = {
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: '',
    max_connections: '200',
    // A throwaway test cluster need not survive a power cut; `npm start`'s keeps PostgreSQL's defaults.
    ...(durable ? {} : { fsync: 'off', full_page_writes: 'off' }),
  };
  const args = ['-D', dir, ...Object.entries(settings).flatMap(([key, value]) => ['-c', `${key}=${value}`])];
  // The port opens before recovery ends; postmaster.pid says "ready" once queries are served.
  const ready = () => readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').includes('ready');
  const server = await startServerProcess('PostgreSQL', ...diesWithParent(asUser(user, binaries.postgres, args)), port, { ready });
  return {
    ...server,
    get pid() {
      return server.pid;
    },
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dir,
    analyze: async () => {
      // FerretDB keeps every MongoDB database as a schema of the one `postgres` database: one ANALYZE covers them all.
      const [command, args] = [binaries.psql, ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-qc', 'ANALYZE']];
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
        const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('error', reject);
        child.on('exit', (code) => resolve({ code, stderr }));
      });
      if (result.code !== 0) throw new Error(`ANALYZE failed: ${result.stderr.trim()}`);
    },
  };
}
