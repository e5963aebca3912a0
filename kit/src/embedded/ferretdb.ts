import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../registry';
import { diesWithParent, freePort, startServerProcess, type ServerProcess } from './process';

const cacheDir = () => process.env.CG_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'community-governance');

/**
 * The FerretDB v1.24.2 binary with scripts/ferretdb/pushdown.patch, built by scripts/toolchain.sh (the same code
 * CI uses) the first time and cached under a name that changes with the patch.
 */
export function ferretdbBinary(log: (line: string) => void): string {
  const toolchain = (call: string) =>
    spawnSync('bash', ['-c', `source scripts/toolchain.sh && ${call}`], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, CG_CACHE: cacheDir() },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
  const cached = toolchain('ferretdb_binary_path').stdout.trim();
  if (existsSync(cached)) return cached;
  log('building FerretDB v1.24.2 from the Go module proxy (once; a minute or two)…');
  const result = toolchain('ensure_ferretdb');
  const bin = result.stdout.trim().split('\n').pop() ?? '';
  if (result.status !== 0 || !existsSync(bin)) throw new Error(`FerretDB build failed (exit ${result.status})`);
  return bin;
}

export type FerretdbBackend = { postgresqlUrl: string } | { sqliteDir: string };

export async function startFerretdb(bin: string, backend: FerretdbBackend): Promise<ServerProcess> {
  const port = await freePort();
  const storage =
    'postgresqlUrl' in backend ? ['--handler=postgresql', `--postgresql-url=${backend.postgresqlUrl}`] : ['--handler=sqlite', `--sqlite-url=file:${backend.sqliteDir}/`];
  return startServerProcess('FerretDB', ...diesWithParent([bin, [...storage, `--listen-addr=127.0.0.1:${port}`, '--log-level=error']]), port);
}
