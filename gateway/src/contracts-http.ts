import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * The HTTP side of contracts (contracts.ts): a token bound to a contract (its `contract` claim, auth.ts) is refused
 * everywhere but `/graphql/<contract>`; `/graphql/<unknown>` is not the full schema under another name.
 */
export function contractBinding(contract: string | null) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const bound = res.locals.contract as string | undefined;
    if (bound === undefined || bound === contract) return next();
    res.status(403).json({
      errors: [{ message: `this token is bound to the contract "${bound}": use /graphql/${bound}`, extensions: { code: 'FORBIDDEN', reason: 'contract', contract: bound } }],
    });
  };
}

/** `/graphql` itself only (Express matches '/graphql' for every path below it). */
export function onlyRoot(req: Request, res: Response, next: NextFunction) {
  if (req.path === '/' || req.path === '') return next();
  res.status(404).json({ errors: [{ message: `no schema is served at ${req.baseUrl}${req.path}`, extensions: { code: 'NOT_FOUND' } }] });
}

/**
 * A contract's server, built and started on its first request: a contract's query planner costs seconds and memory
 * that a gateway whose partners never call should not pay at start (nor should readiness wait for it).
 */
export function lazyServer<S extends { stop(): Promise<void> }>(start: () => Promise<{ server: S; handler: RequestHandler }>) {
  let started: Promise<{ server: S; handler: RequestHandler }> | undefined;
  const get = () => (started ??= start());
  return {
    handler: ((req, res, next) => void get().then(({ handler }) => handler(req, res, next), next)) as RequestHandler,
    stop: async () => {
      const running = await started?.catch(() => undefined);
      await running?.server.stop();
    },
  };
}
