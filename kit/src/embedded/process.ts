import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import net from 'node:net';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

const hasSetpriv = spawnSync('sh', ['-c', 'command -v setpriv']).status === 0;

/**
 * The server dies with the process that started it (even on SIGKILL: util-linux's setpriv sets the parent-death
 * signal), so a crashed `npm start` or test run leaves no server holding its data folder.
 */
export function diesWithParent([command, args]: [string, string[]]): [string, string[]] {
  if (!hasSetpriv) return [command, args];
  return command === 'setpriv' ? [command, ['--pdeathsig=KILL', ...args]] : ['setpriv', ['--pdeathsig=KILL', '--', command, ...args]];
}

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
    socket.on('error', () => resolve(false));
  });

/**
 * A server process on a fixed port that can be killed (SIGKILL, as a crash would) and started again on the same
 * port and data folder, as an operator restarting it would.
 */
export interface ServerProcess {
  readonly port: number;
  readonly pid: number | undefined;
  kill(): Promise<void>;
  restart(): Promise<void>;
  /** SIGTERM, then SIGKILL after 5 s. */
  stop(): Promise<void>;
}

export async function startServerProcess(
  what: string,
  command: string,
  args: string[],
  port: number,
  options: SpawnOptions & { timeoutMs?: number; ready?: () => boolean } = {},
): Promise<ServerProcess> {
  let child: ChildProcess;
  let stderr = '';
  const up = async () => {
    stderr = '';
    const { timeoutMs: _timeout, ready: _ready, ...spawnOptions } = options;
    child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], ...spawnOptions });
    child.stderr?.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
    const deadline = Date.now() + (options.timeoutMs ?? 30_000);
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode} before accepting connections\n${stderr}`);
      if ((await portOpen(port)) && (options.ready?.() ?? true)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    throw new Error(`${what} did not accept connections on port ${port}\n${stderr}`);
  };
  const ended = (signal: NodeJS.Signals, graceMs?: number) => async () => {
    const dying = child;
    if (dying.exitCode !== null || dying.signalCode) return;
    // A crash takes the server's own worker processes with it (PostgreSQL's backends would otherwise answer a moment
    // longer on connections they already hold).
    const workers =
      signal === 'SIGKILL' && dying.pid
        ? spawnSync('pgrep', ['-P', String(dying.pid)], { encoding: 'utf8' })
            .stdout.split('\n')
            .filter(Boolean)
            .map(Number)
        : [];
    await new Promise<void>((resolve) => {
      dying.once('exit', () => resolve());
      for (const pid of workers) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      dying.kill(signal);
      if (graceMs !== undefined) setTimeout(() => dying.kill('SIGKILL'), graceMs).unref();
    });
  };
  await up();
  return {
    port,
    get pid() {
      return child.pid;
    },
    kill: ended('SIGKILL'),
    restart: up,
    stop: ended('SIGTERM', 5_000),
  };
}
