import { spawnSync } from 'node:child_process';
import { diesWithParent, freePort, startServerProcess, type ServerProcess } from './process';

/**
 * A private Redis (Debian's redis-server; scripts/toolchain.sh installs it) on a free loopback port, without
 * persistence, for the tests and fault runs of shared state between replicas (kit/src/shared-state.ts).
 */
export async function startRedis(): Promise<ServerProcess & { url: string }> {
  if (spawnSync('sh', ['-c', 'command -v redis-server']).status !== 0) {
    throw new Error('redis-server is not on the PATH: `source scripts/toolchain.sh && ensure_redis` installs it (Debian package redis-server)');
  }
  const port = await freePort();
  const [command, args] = diesWithParent(['redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning']]);
  const server = await startServerProcess('redis-server', command, args, port);
  return Object.assign(server, { url: `redis://127.0.0.1:${port}` });
}
