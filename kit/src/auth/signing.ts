import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import express from 'express';
import { envName } from '../registry';
import type { Identity } from '../identity';
import { parseIdentity } from './identity-codec';
import { databaseUnavailable } from '../database-errors';
import type { NonceStore } from '../shared-state';

/**
 * Gateway → department trust. The gateway (or a department asking a peer) sends the verified identity in
 * `x-cg-identity` and signs, with the TARGET department's own secret, the target's name, a timestamp, a nonce, the
 * request id, the identity header and a SHA-256 of the exact body bytes. A department refuses with 401, before
 * parsing GraphQL, anything unsigned, wrongly signed, altered, stale or replayed.
 */
export const HEADERS = {
  identity: 'x-cg-identity',
  timestamp: 'x-cg-timestamp',
  nonce: 'x-cg-nonce',
  signature: 'x-cg-signature',
  requestId: 'x-request-id',
} as const;

export const replayWindowMs = () => Number(process.env.SIGNATURE_WINDOW_MS ?? 60_000);

/**
 * `<NAME>_HMAC_SECRET`; outside production a development secret derived from the name, so `npm start` and the
 * tests work without configuration. Production refuses to run without a configured secret of at least 32 characters.
 */
export function subgraphSecret(name: string, env = process.env): string {
  const configured = env[`${envName(name)}_HMAC_SECRET`];
  if (configured) {
    if (configured.length < 32) throw new Error(`${envName(name)}_HMAC_SECRET must be at least 32 characters`);
    return configured;
  }
  if (env.NODE_ENV === 'production') throw new Error(`${envName(name)}_HMAC_SECRET is required when NODE_ENV=production`);
  return createHmac('sha256', 'cg-development-only').update(name).digest('hex');
}

const sha256 = (body: Buffer | string) => createHash('sha256').update(body).digest('hex');

/** The string that is signed (docs/department-protocol.md): seven lines, no trailing newline. */
export function signaturePayload(target: string, timestamp: string, nonce: string, requestId: string, identity: string, body: Buffer | string): string {
  return ['cg-v1', target, timestamp, nonce, requestId, identity, sha256(body)].join('\n');
}

/** Lower-case hex HMAC-SHA256 of the payload with `secret`: the value of `x-cg-signature`. */
export const computeSignature = (secret: string, ...parts: Parameters<typeof signaturePayload>): string =>
  createHmac('sha256', secret)
    .update(signaturePayload(...parts))
    .digest('hex');

export const encodeIdentity = (identity: Identity | null): string => (identity ? Buffer.from(JSON.stringify(identity), 'utf8').toString('base64url') : '');

/** The headers that make `body` acceptable to department `target` for the next `replayWindowMs()`. */
export function signedHeaders(target: string, body: string, identity: Identity | null, requestId: string, now = Date.now()): Record<string, string> {
  const identityHeader = encodeIdentity(identity);
  return { [HEADERS.identity]: identityHeader, [HEADERS.requestId]: requestId, ...signRequest(target, body, identityHeader, requestId, now) };
}

/** Timestamp, nonce and signature for a request whose identity header is already encoded. */
export function signRequest(target: string, body: string, identityHeader: string, requestId: string, now = Date.now()): Record<string, string> {
  const timestamp = String(now);
  const nonce = randomUUID();
  const signature = computeSignature(subgraphSecret(target), target, timestamp, nonce, requestId, identityHeader, body);
  return { [HEADERS.timestamp]: timestamp, [HEADERS.nonce]: nonce, [HEADERS.signature]: signature };
}

function refuse(res: Response, reason: string): void {
  res.status(401).json({ errors: [{ message: `request refused: ${reason}`, extensions: { code: 'UNAUTHENTICATED', reason } }] });
}

/**
 * Middleware for a department's /graphql: JSON body parsing (keeping the raw bytes for the hash) followed by the
 * signature check. Verified identity and request id land in `res.locals`. Nonces are claimed in `nonces`, which
 * every replica of the department shares: a request replayed to another replica is refused as well.
 */
export function verifySignedRequests(name: string, nonces: NonceStore, bodyLimit = process.env.BODY_LIMIT ?? '1mb'): RequestHandler[] {
  const secret = subgraphSecret(name);
  const parse = express.json({
    limit: bodyLimit,
    verify: (req, _res, buf) => void ((req as Request & { rawBody?: Buffer }).rawBody = Buffer.from(buf)),
  });
  // Headers are checked before the body is even parsed; the HMAC needs the raw bytes, so it comes after.
  const precheck = (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'POST') return refuse(res, 'only signed POST requests are accepted');
    const timestamp = req.header(HEADERS.timestamp);
    if (!timestamp || !req.header(HEADERS.nonce) || !req.header(HEADERS.signature)) return refuse(res, 'unsigned');
    if (!/^\d{1,16}$/.test(timestamp) || Math.abs(Date.now() - Number(timestamp)) > replayWindowMs()) return refuse(res, 'stale');
    next();
  };
  const check = async (req: Request & { rawBody?: Buffer }, res: Response, next: NextFunction) => {
    const timestamp = req.header(HEADERS.timestamp)!;
    const nonce = req.header(HEADERS.nonce)!;
    const signature = req.header(HEADERS.signature)!;
    const identityHeader = req.header(HEADERS.identity) ?? '';
    const requestId = req.header(HEADERS.requestId) ?? '';
    const expected = Buffer.from(computeSignature(secret, name, timestamp, nonce, requestId, identityHeader, req.rawBody ?? ''), 'hex');
    const given = Buffer.from(signature, 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return refuse(res, 'bad signature');
    // Remembered for twice the window from the signer's clock: replicas' clocks may differ by up to the window.
    let fresh: boolean;
    try {
      fresh = await nonces.claim(nonce, Number(timestamp) + 2 * replayWindowMs());
    } catch {
      // The replay cache is the database (or Redis): while it is unreachable nothing is executed, and the caller
      // is told to retry, exactly as when a resolver cannot reach the database.
      return void res.json({ errors: [{ message: databaseUnavailable().message, extensions: { code: 'DATABASE_UNAVAILABLE' } }] });
    }
    if (!fresh) return refuse(res, 'replayed');
    let identity: Identity | null;
    try {
      identity = identityHeader ? parseIdentity(JSON.parse(Buffer.from(identityHeader, 'base64url').toString('utf8'))) : null;
    } catch {
      return refuse(res, 'malformed identity');
    }
    res.locals.identity = identity;
    res.locals.requestId = requestId || randomUUID();
    next();
  };
  return [precheck, parse, check as RequestHandler];
}
