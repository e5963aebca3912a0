import cluster from 'node:cluster';
import os from 'node:os';

/**
 * How many processes of one server share its port (node:cluster), from `variable` (GATEWAY_WORKERS, or
 * `<NAME>_WORKERS` for a department, e.g. CIVIL_AFFAIRS_WORKERS). GraphQL parsing, planning, execution and JSON are
 * CPU-bound JavaScript, one core per process; `auto` (or 0) uses every core. Default 1: one process, no cluster, as
 * in development and the tests.
 */
export function workerCount(variable: string, env = process.env): number {
  const value = (env[variable] ?? '1').trim();
  if (value === 'auto' || value === '0') return os.availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${variable} must be a positive integer or "auto", not "${value}"`);
  return n;
}

/** A worker that dies this soon after it started is replaced only after a pause, so a crash at start cannot spin. */
const EARLY_DEATH_MS = 5000;

/**
 * In the primary: forks the workers, replaces one that dies unexpectedly, and on SIGTERM/SIGINT passes the signal on
 * and exits once every worker has drained (each runs the usual graceful shutdown, kit/src/shutdown.ts). Returns
 * false in a worker, or with one worker, where the caller then starts the server itself.
 */
export function runClusterPrimary(what: string, workers: number, log = console.log): boolean {
  if (workers <= 1 || !cluster.isPrimary) return false;
  let stopping = false;
  const started = new Map<number, number>();
  const fork = () => {
    const worker = cluster.fork();
    started.set(worker.id, Date.now());
  };
  for (let i = 0; i < workers; i++) fork();
  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (started.get(worker.id) ?? 0);
    started.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    log(`${what} worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    setTimeout(() => stopping || fork(), lived < EARLY_DEATH_MS ? 1000 : 0);
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const running = Object.values(cluster.workers ?? {});
    if (running.length === 0) process.exit(0);
    for (const worker of running) worker?.process.kill(signal);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  log(`${what} primary ${process.pid}: ${workers} workers`);
  return true;
}
