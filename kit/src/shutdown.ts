import type { Server } from 'node:http';
import type { NextFunction, Request, Response } from 'express';

/**
 * Graceful shutdown (docs/reliability.md). On SIGTERM a process stops accepting connections, answers what is in
 * flight, closes Apollo and the database, and exits; a drain that takes longer than SHUTDOWN_TIMEOUT_MS is cut
 * short so an orchestrator's kill deadline is never the thing that ends it.
 */
let draining = false;
export const isDraining = () => draining;
export const shutdownTimeoutMs = () => Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 10_000);

/** While draining, every answer closes its connection, so keep-alive clients (the gateway) reconnect elsewhere. */
export function drainingMiddleware(_req: Request, res: Response, next: NextFunction) {
  if (draining) res.setHeader('connection', 'close');
  next();
}

/**
 * Stops listening and resolves once every in-flight request has been answered. Idle keep-alive sockets are closed
 * as they become idle; after `timeoutMs` the remaining ones are cut.
 */
export function closeGracefully(server: Server, timeoutMs = shutdownTimeoutMs()): Promise<void> {
  return new Promise((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const cut = setTimeout(() => server.closeAllConnections(), timeoutMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(cut);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** Installs the SIGTERM/SIGINT handlers of an entry point: drain, stop, exit 0 (1 when stopping failed or hung). */
export function exitOnSignals(what: string, stop: () => Promise<void>, log = console.log): void {
  const shutdown = async (signal: string) => {
    if (draining) return;
    draining = true;
    log(`${what}: ${signal}, draining in-flight requests`);
    // Stopping includes the HTTP drain (bounded by the same timeout) and closing the database; allow both.
    const hung = setTimeout(() => {
      log(`${what}: shutdown took longer than ${2 * shutdownTimeoutMs()} ms, exiting anyway`);
      process.exit(1);
    }, 2 * shutdownTimeoutMs());
    hung.unref();
    try {
      await stop();
      log(`${what}: stopped`);
      process.exit(0);
    } catch (error) {
      log(`${what}: stop failed: ${(error as Error).message}`);
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
