import type { NextFunction, Request, Response } from 'express';

/**
 * The HTTP side of contracts (contracts.ts): a token bound to a contract (its `contract` claim, auth.ts) is refused
 * everywhere but `/graphql/<contract>`; `/graphql/<unknown>` is not the full schema under another name.
 */
export function contractBinding(contract: string | null) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const bound = res.locals.contract as string | undefined;
    if (bound === undefined || bound === contract) return next();
    res.status(403).json({ errors: [{ message: `this token is bound to the contract "${bound}": use /graphql/${bound}`, extensions: { code: 'FORBIDDEN', reason: 'contract', contract: bound } }] });
  };
}

/** `/graphql` itself only (Express matches '/graphql' for every path below it). */
export function onlyRoot(req: Request, res: Response, next: NextFunction) {
  if (req.path === '/' || req.path === '') return next();
  res.status(404).json({ errors: [{ message: `no schema is served at ${req.baseUrl}${req.path}`, extensions: { code: 'NOT_FOUND' } }] });
}
