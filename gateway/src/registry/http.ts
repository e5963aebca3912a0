import { timingSafeEqual } from 'node:crypto';
import express, { type Router } from 'express';
import { PublishRefused, type SchemaRegistry } from './registry';
import { VersionConflict } from './store';

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * `/registry`: GET /versions, GET /current (the served version's departments with their SDL), POST /publish {name, url, sdl}, POST /rollback {version}, each with
 * `authorization: Bearer <REGISTRY_TOKEN>`. A refused publish is 422 with the reasons; nothing is stored.
 */
export function registryRouter(registry: SchemaRegistry, token: string): Router {
  if (token.length < 32) throw new Error('REGISTRY_TOKEN must be at least 32 characters');
  const router = express.Router();
  router.use((req, res, next) => {
    const given = /^Bearer (.+)$/.exec(req.header('authorization') ?? '')?.[1];
    if (!given || !sameSecret(given, token)) return void res.status(401).json({ error: 'UNAUTHENTICATED', reasons: ['registry token missing or wrong'] });
    next();
  });
  router.use(express.json({ limit: '5mb' }));
  const by = (req: express.Request) => String(req.header('x-published-by') ?? 'http').slice(0, 64);
  const answer = async (res: express.Response, run: () => Promise<unknown>) => {
    try {
      res.json(await run());
    } catch (error) {
      if (error instanceof PublishRefused) return void res.status(422).json({ error: 'PUBLISH_REFUSED', reasons: error.reasons });
      if (error instanceof VersionConflict) return void res.status(409).json({ error: 'CONFLICT', reasons: [error.message] });
      res.status(500).json({ error: 'INTERNAL', reasons: ['the registry could not store the version'] });
    }
  };
  router.get('/versions', (_req, res) => answer(res, () => registry.store.list()));
  router.get('/current', (_req, res) => answer(res, async () => (({ _id, subgraphs }) => ({ version: _id, subgraphs }))(await registry.current())));
  router.post('/publish', (req, res) => {
    const { name, url, sdl } = (req.body ?? {}) as Record<string, unknown>;
    if (typeof name !== 'string' || typeof url !== 'string' || typeof sdl !== 'string')
      return void res.status(400).json({ error: 'BAD_USER_INPUT', reasons: ['name, url and sdl are required strings'] });
    return answer(res, () => registry.publish({ name, url, sdl }, by(req)));
  });
  router.post('/rollback', (req, res) => {
    const version = Number((req.body as { version?: unknown } | undefined)?.version);
    if (!Number.isInteger(version) || version < 1) return void res.status(400).json({ error: 'BAD_USER_INPUT', reasons: ['version must be a positive integer'] });
    return answer(res, () => registry.rollback(version, by(req)));
  });
  return router;
}
