import cluster from 'node:cluster';
import os from 'node:os';

/**
 * GATEWAY_WORKERS: how many gateway processes share the port (node:cluster). Query planning and answer assembly are
 * CPU-bound JavaScript, one core per process; `auto` (or 0) uses every core. Default 1: one process, no cluster, as
 * in development and the tests.
 */
export function gatewayWorkers(env = process.env): number {
  const value = (env.GATEWAY_WORKERS ?? '1').trim();
  if (value === 'auto' || value === '0') return os.availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`GATEWAY_WORKERS must be a positive integer or "auto", not "${value}"`);
  return n;
}

/**
 * In the primary: forks the workers, replaces one that dies unexpectedly, and on SIGTERM/SIGINT passes the signal on
 * and exits once every worker has drained (each runs the usual graceful shutdown). Returns false in a worker, which
 * then starts the gateway itself.
 */
export function runClusterPrimary(workers: number, log = console.log): boolean {
  if (workers <= 1 || !cluster.isPrimary) return false;
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    log(`gateway worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    cluster.fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  log(`gateway primary ${process.pid}: ${workers} workers`);
  return true;
}
