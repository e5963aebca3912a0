import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  importSPKI,
  jwtVerify,
  SignJWT,
  errors as joseErrors,
  type JSONWebKeySet,
  type JWK,
  type JWTVerifyGetKey,
} from 'jose';
import { parseIdentity, repoRoot, stableId, type Identity } from '@cg/kit';

/**
 * Authentication at the gateway: a bearer JWT verified with `jose` against configured keys (a JWKS URL, or static
 * public keys), issuer and audience. A token that is present but bad: 401 before anything else runs. No token: 401
 * too, after the per-caller rate limit (by address) and before any planning (`requireIdentity`): nothing is public.
 */
export interface AuthOptions {
  issuer: string;
  audience: string;
  algorithms: string[];
  /** Where verification keys come from. */
  keys: JWTVerifyGetKey;
  clockToleranceS: number;
}

export const DEV_ISSUER = 'cg-dev';
export const DEFAULT_AUDIENCE = 'community-governance';
const DEV_ALG = 'ES256';

const devKeysFile = (env = process.env) => env.AUTH_DEV_KEYS_FILE ?? path.join(repoRoot, '.data', 'dev-jwt-keys.json');

/**
 * The development key pair `npm start`, `npm run mint-token` and local runs share, created on first use under
 * .data/ (git-ignored). Never used when NODE_ENV=production.
 */
export async function devKeyPair(env = process.env): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  if (env.NODE_ENV === 'production') throw new Error('development keys are never used in production: set AUTH_JWKS_URL or AUTH_PUBLIC_KEYS');
  const file = devKeysFile(env);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const { privateKey, publicKey } = await generateKeyPair(DEV_ALG, { extractable: true });
  const pair = {
    privateJwk: { ...(await exportJWK(privateKey)), alg: DEV_ALG, kid: 'cg-dev' },
    publicJwk: { ...(await exportJWK(publicKey)), alg: DEV_ALG, kid: 'cg-dev', use: 'sig' },
  };
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(pair), { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file); // atomic: two processes creating at once leave one whole file
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** AUTH_PUBLIC_KEYS: a JWKS (`{"keys":[…]}`) or one or more PEM public keys (algorithm: the first of AUTH_ALGORITHMS). */
async function staticKeys(value: string, algorithms: string[]): Promise<JWTVerifyGetKey> {
  const trimmed = value.trim();
  if (trimmed.startsWith('{')) return createLocalJWKSet(JSON.parse(trimmed) as JSONWebKeySet);
  const pems = trimmed.match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g) ?? [];
  if (pems.length === 0) throw new Error('AUTH_PUBLIC_KEYS holds neither a JWKS nor PEM public keys');
  const jwks: JWK[] = [];
  for (const [i, pem] of pems.entries()) jwks.push({ ...(await exportJWK(await importSPKI(pem, algorithms[0]!, { extractable: true }))), alg: algorithms[0], kid: `static-${i}` });
  return createLocalJWKSet({ keys: jwks });
}

export async function authOptionsFromEnv(env = process.env): Promise<AuthOptions> {
  const algorithms = (env.AUTH_ALGORITHMS ?? 'ES256,RS256,EdDSA')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const production = env.NODE_ENV === 'production';
  let keys: JWTVerifyGetKey;
  if (env.AUTH_JWKS_URL) keys = createRemoteJWKSet(new URL(env.AUTH_JWKS_URL), { timeoutDuration: 3000, cooldownDuration: 30_000 });
  else if (env.AUTH_PUBLIC_KEYS) keys = await staticKeys(env.AUTH_PUBLIC_KEYS, algorithms);
  else keys = createLocalJWKSet({ keys: [(await devKeyPair(env)).publicJwk] }); // refuses in production
  if (production && !env.AUTH_ISSUER) throw new Error('AUTH_ISSUER is required when NODE_ENV=production');
  return {
    issuer: env.AUTH_ISSUER ?? DEV_ISSUER,
    audience: env.AUTH_AUDIENCE ?? DEFAULT_AUDIENCE,
    algorithms,
    keys,
    clockToleranceS: Number(env.AUTH_CLOCK_TOLERANCE_S ?? 5),
  };
}

/**
 * Token claims → Identity. Purpose: the `x-purpose` header when given, else the token's `purpose` claim. The role
 * SERVICE belongs to departments asking each other (signed with their own secrets); a token never carries it.
 */
function identityFromClaims(claims: Record<string, unknown>, purposeHeader: string | undefined): Identity {
  if (claims.role === 'SERVICE') throw new Error('identity: role SERVICE is for departments only');
  return parseIdentity({
    subject: claims.sub,
    department: claims.department,
    role: claims.role,
    scope: { communityIds: claims.communityIds ?? [], gridIds: claims.gridIds ?? [] },
    purpose: purposeHeader || claims.purpose || undefined,
  });
}

function unauthenticated(res: Response, message: string): void {
  res
    .status(401)
    .set('www-authenticate', 'Bearer')
    .json({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
}

/** A refused Authorization header; the message is safe to show the caller. */
export class TokenRefused extends Error {}

/** The identity an Authorization header proves (null without one); TokenRefused for a bad, expired or foreign token. */
export async function identityFromAuthorization(header: string | undefined | null, purposeHeader: string | undefined | null, options: AuthOptions): Promise<Identity | null> {
  return (await verifyAuthorization(header, purposeHeader, options))?.identity ?? null;
}

/** Same, with the contract (schema/contracts/) the token is bound to: its `contract` claim, when it has one. */
export async function verifyAuthorization(
  header: string | undefined | null,
  purposeHeader: string | undefined | null,
  options: AuthOptions,
): Promise<{ identity: Identity; contract?: string } | null> {
  if (!header) return null;
  const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(header);
  if (!match) throw new TokenRefused('Authorization must be "Bearer <JWT>"');
  try {
    const { payload } = await jwtVerify(match[1]!, options.keys, {
      issuer: options.issuer,
      audience: options.audience,
      algorithms: options.algorithms,
      clockTolerance: options.clockToleranceS,
      requiredClaims: ['sub', 'exp'],
    });
    if (payload.contract !== undefined && (typeof payload.contract !== 'string' || !/^[a-z][a-z0-9-]{0,39}$/.test(payload.contract))) throw new Error('identity: contract');
    return { identity: identityFromClaims(payload, purposeHeader ?? undefined), ...(typeof payload.contract === 'string' ? { contract: payload.contract } : {}) };
  } catch (error) {
    const reason =
      error instanceof joseErrors.JWTExpired
        ? 'the token has expired'
        : error instanceof Error && error.message.startsWith('identity:')
          ? `the token's ${error.message}`
          : 'the token is not valid here';
    throw new TokenRefused(reason);
  }
}

/**
 * Express middleware: verified identity (or null) in `res.locals.identity`, the contract a token is bound to in
 * `res.locals.contract`; 401 for a bad, expired or foreign token.
 */
export function authenticate(options: AuthOptions) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const verified = await verifyAuthorization(req.header('authorization'), req.header('x-purpose'), options);
      res.locals.identity = verified?.identity ?? null;
      res.locals.contract = verified?.contract;
    } catch (error) {
      if (error instanceof TokenRefused) return unauthenticated(res, error.message);
      throw error;
    }
    next();
  };
}

/** Nothing is served to an anonymous caller: 401 before the operation is parsed or planned. */
export function requireIdentity(_req: Request, res: Response, next: NextFunction) {
  if (res.locals.identity) return next();
  // GraphiQL shows this message; a token comes from the identity provider (in development: npm run mint-token).
  unauthenticated(res, 'sign in first: send "Authorization: Bearer <token>"');
}

/** Demo callers for `npm run mint-token -- <role>` and the tests (ids of the demo seed). */
export const DEMO_IDENTITIES: Record<string, Omit<Identity, 'purpose'>> = {
  'grid-worker': { subject: 'demo-grid-worker-01', department: 'civil-affairs', role: 'GRID_WORKER', scope: { communityIds: [], gridIds: [stableId('grid', 'ZB-YHM-01')] } },
  'party-secretary': {
    subject: 'demo-party-secretary',
    department: 'party',
    role: 'PARTY_SECRETARY',
    scope: { communityIds: [stableId('community', '义合美新城社区')], gridIds: [] },
  },
  'civil-affairs-clerk': { subject: 'demo-civil-affairs-clerk', department: 'civil-affairs', role: 'DEPARTMENT_CLERK', scope: { communityIds: [], gridIds: [] } },
  'employment-clerk': { subject: 'demo-employment-clerk', department: 'employment', role: 'DEPARTMENT_CLERK', scope: { communityIds: [], gridIds: [] } },
  'property-staff': { subject: 'demo-property-staff', department: 'property', role: 'PROPERTY_STAFF', scope: { communityIds: [], gridIds: [] } },
  auditor: { subject: 'demo-auditor', department: 'joint-unit', role: 'AUDITOR', scope: { communityIds: [], gridIds: [] } },
  // A resident signed in to the self-service path (群众点单): the subject is the resident's id (head of YHM0101000).
  resident: { subject: stableId('resident', 'YHM0101000', 0), department: 'resident', role: 'RESIDENT', scope: { communityIds: [], gridIds: [] } },
  // A property company's system (物业合作方); mint it with `--contract property-partner` to bind it to that schema.
  'property-partner': {
    subject: 'demo-property-partner',
    department: `property:${stableId('company', '张北县鑫源物业服务有限公司')}`,
    role: 'PROPERTY_STAFF',
    scope: { communityIds: [], gridIds: [] },
  },
};

/** Signs a token for `identity` (development and tests only: production tokens come from the identity provider). */
export async function mintToken(
  identity: Omit<Identity, 'purpose'> & { purpose?: string },
  privateJwk: JWK,
  { issuer = DEV_ISSUER, audience = DEFAULT_AUDIENCE, expiresIn = '8h' as string | number, contract = undefined as string | undefined } = {},
): Promise<string> {
  const key = await importJWK(privateJwk, privateJwk.alg ?? DEV_ALG);
  return new SignJWT({
    department: identity.department,
    role: identity.role,
    communityIds: identity.scope.communityIds,
    gridIds: identity.scope.gridIds,
    ...(identity.purpose ? { purpose: identity.purpose } : {}),
    // Bound to one contract: only /graphql/<contract> accepts the token (gateway/src/contracts-http.ts).
    ...(contract ? { contract } : {}),
  })
    .setProtectedHeader({ alg: privateJwk.alg ?? DEV_ALG, kid: privateJwk.kid })
    .setSubject(identity.subject)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key);
}

/** A token for `identity` signed with the development key pair (`npm run mint-token`, tests and benchmarks). */
export async function mintDevToken(
  identity: Omit<Identity, 'purpose'> & { purpose?: string },
  options: { issuer?: string; expiresIn?: string | number; contract?: string } = {},
): Promise<string> {
  return mintToken(identity, (await devKeyPair()).privateJwk, options);
}
