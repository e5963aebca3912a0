import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import { closeGracefully, drainingMiddleware, isDraining } from './shutdown';

export interface RunningHttp {
  port: number;
  url: string;
  close(): Promise<void>;
}

/**
 * Liveness answers as long as the process runs, with its pid (which process of a cluster answered); readiness runs
 * the given check (database, supergraph, …).
 */
export function createHttpApp(ready: () => Promise<Record<string, unknown>>): Express {
  const app = express();
  app.disable('x-powered-by');
  // No ETag: every answer is a POST's, never revalidated, and hashing each body cost CPU on every request (profiled).
  app.set('etag', false);
  app.use(drainingMiddleware);
  app.get('/health/live', (_req, res) => void res.json({ status: 'ok', pid: process.pid }));
  app.get('/health/ready', async (_req, res) => {
    try {
      if (isDraining()) throw new Error('shutting down');
      res.json({ status: 'ready', ...(await ready()) });
    } catch (error) {
      res.status(503).json({ status: 'not ready', reason: (error as Error).message });
    }
  });
  return app;
}

export function listen(app: Express, port: number, host = process.env.HOST ?? '127.0.0.1'): Promise<RunningHttp & { server: Server }> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('error', reject);
    server.once('listening', () => {
      const actual = (server.address() as AddressInfo).port;
      resolve({
        server,
        port: actual,
        url: `http://${host}:${actual}/graphql`,
        // Stops accepting, answers the requests in flight, drops keep-alive sockets as they go idle (kit/src/shutdown.ts).
        close: () => closeGracefully(server),
      });
    });
  });
}
