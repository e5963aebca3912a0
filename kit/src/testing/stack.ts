import { startGateway, type GatewayOptions } from '@cg/gateway';
import { DEFAULT_AUDIENCE, DEMO_IDENTITIES, mintDevToken, mintToken } from '@cg/gateway/auth';
import type { Limits } from '@cg/gateway/limits';
import type { DocumentNode } from 'graphql';
import { createLocalJWKSet, exportJWK, generateKeyPair, type JWK } from 'jose';
import { composeSupergraph, departmentDbName, envName, listSubgraphs, signedHeaders, startDepartment, type Department, type Identity, type RunningDepartment } from '../index';
import { dropDatabases } from './database';
import { seedSmallWorld } from './seedCopy';

export interface QueryOptions {
  /** A demo role of DEMO_IDENTITIES (default: the stack's, `civil-affairs-clerk` unless set), a token, or null for an anonymous call. */
  as?: string | null;
  token?: string;
  purpose?: string;
  headers?: Record<string, string>;
}

/** A department that runs outside subgraphs/ (another language, another team): where it answers and its SDL. */
export interface OutsideDepartment {
  name: string;
  url: string;
  typeDefs: DocumentNode;
}

export interface Stack {
  gatewayUrl: string;
  departments: Record<string, RunningDepartment<any>>;
  /** POSTs a GraphQL operation to the gateway (by default as a civil-affairs clerk) and returns the parsed body. */
  query<T = any>(query: string, variables?: Record<string, unknown>, options?: QueryOptions): Promise<{ data?: T; errors?: any[] }>;
  /** Same, with the HTTP status. */
  post(query: string, variables?: Record<string, unknown>, options?: QueryOptions): Promise<{ status: number; body: { data?: any; errors?: any[] } }>;
  /** A token the stack's gateway accepts, for a demo role with changes (purpose, scope, expiry …). */
  token(role: string, changes?: Partial<Identity> & { expiresIn?: string | number; contract?: string }): Promise<string>;
  stop(): Promise<void>;
}

export const loadDepartment = async (dir: string) => ((await import(`${dir}/src/server`)) as { department: Department<any, any> }).department;

/** Departments started by this test file, by URL: direct calls to them are signed as the gateway would sign them. */
const departmentUrls = new Map<string, string>();
/** Who a direct call to a department claims to be (a civil-affairs clerk: sees every field, masked). */
export const DIRECT_CALLER: Identity = { ...DEMO_IDENTITIES['civil-affairs-clerk']! };

export async function postGraphQL(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  const body = JSON.stringify({ query, variables });
  const target = departmentUrls.get(url);
  const signed = target ? signedHeaders(target, body, DIRECT_CALLER, `test-${Date.now()}`) : {};
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...signed, ...headers }, body });
  const text = await response.text();
  let parsed: { data?: any; errors?: any[] };
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = { errors: [{ message: text }] };
  }
  return { status: response.status, body: parsed };
}

/**
 * The Authorization header of a demo role for a gateway built with the default (development) keys, as tests that
 * start a gateway of their own have: people's fields need a signed-in caller (docs/policy.md).
 */
export async function devAuthorization(role = 'civil-affairs-clerk'): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await mintDevToken(DEMO_IDENTITIES[role]!, { expiresIn: '1h' })}` };
}

export interface StackOptions {
  /** The departments to start (folder names under subgraphs/); every one by default. */
  departments?: string[];
  /** Write the demo world (`small`) first (default true): a copy of the run's seed when globalSetup made one (seedCopy.ts). */
  seed?: boolean;
  /** Gateway limits; the rate limit is lifted unless set here. */
  limits?: Partial<Limits>;
  /** The demo role calls go as by default (every request needs a token; a department's own work needs its own role, e.g. `employment-clerk`). */
  as?: string;
  /** Departments already running outside subgraphs/ (name, URL, SDL): the gateway then serves a supergraph composed in-process of the registered departments and these. */
  /** More gateway options (trusted documents). */
  gateway?: Pick<GatewayOptions, 'trustedDocuments'>;
  outside?: OutsideDepartment[];
}

/**
 * The departments from subgraphs/ on free ports, each on its own database (prefixed per test file), and the gateway
 * on a free port serving the checked-in supergraph, trusting a key pair made for this stack.
 */
export async function startStack({
  departments: only,
  seed = true,
  limits = {},
  as: defaultRole = 'civil-affairs-clerk',
  outside = [],
  gateway: gatewayOptions = {},
}: StackOptions = {}): Promise<Stack> {
  const uri = process.env.MONGODB_URI!;
  if (seed) await seedSmallWorld(uri);
  const entries = listSubgraphs().filter((entry) => !only || only.includes(entry.name));
  const unknown = only?.filter((name) => !entries.some((entry) => entry.name === name)) ?? [];
  if (unknown.length) throw new Error(`no department ${unknown.join(', ')} under subgraphs/`);
  // Started together: most of a start is waiting for the database (indexes of every model), which overlaps.
  const starts = await Promise.allSettled(entries.map(async (entry) => startDepartment(await loadDepartment(entry.dir), { mongoUri: uri, dbName: departmentDbName(entry.name) })));
  const failed = starts.find((start) => start.status === 'rejected');
  if (failed) {
    // Stop those that did start: a test file whose stack never came up must not leave servers holding jest open.
    await Promise.all(starts.map((start) => (start.status === 'fulfilled' ? start.value.stop() : undefined)));
    throw failed.reason;
  }
  const started = starts.map((start) => (start as PromiseFulfilledResult<RunningDepartment<any>>).value);
  const departments: Record<string, RunningDepartment<any>> = {};
  entries.forEach((entry, i) => {
    departments[entry.name] = started[i]!;
    departmentUrls.set(started[i]!.url, entry.name);
    // Departments ask each other (e.g. does this Resident exist?) at the URLs the registry reads from the environment.
    process.env[`${envName(entry.name)}_URL`] = started[i]!.url;
  });
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const privateJwk: JWK = { ...(await exportJWK(privateKey)), alg: 'ES256', kid: 'test' };
  const issuer = 'cg-test';
  const auth = {
    issuer,
    audience: DEFAULT_AUDIENCE,
    algorithms: ['ES256'],
    clockToleranceS: 0,
    keys: createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), alg: 'ES256', kid: 'test' }] }),
  };
  let supergraphSdl: string | undefined;
  if (outside.length) {
    const composed = composeSupergraph(undefined, outside);
    if (!composed.supergraphSdl) throw new Error(`composition with ${outside.map((d) => d.name).join(', ')} failed:\n${composed.errors.join('\n')}`);
    supergraphSdl = composed.supergraphSdl;
  }
  const gateway = await startGateway({
    supergraphSdl,
    urls: { ...Object.fromEntries(outside.map((d) => [d.name, d.url])), ...Object.fromEntries(Object.entries(departments).map(([name, d]) => [name, d.url])) },
    auth,
    limits: { ratePoints: 1_000_000, ...limits },
    ...gatewayOptions,
  });
  const token: Stack['token'] = async (role, changes = {}) => {
    const base = DEMO_IDENTITIES[role];
    if (!base) throw new Error(`no demo role "${role}"`);
    const { expiresIn = '10m', contract, ...identity } = changes;
    return mintToken({ ...base, ...identity }, privateJwk, { issuer, expiresIn, contract });
  };
  const post: Stack['post'] = async (query, variables, options = {}) => {
    const as = options.as === undefined ? defaultRole : options.as;
    const bearer = options.token ?? (as ? await token(as) : undefined);
    const headers: Record<string, string> = {
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      ...(options.purpose ? { 'x-purpose': options.purpose } : {}),
      ...options.headers,
    };
    return postGraphQL(gateway.url, query, variables, headers);
  };
  return {
    gatewayUrl: gateway.url,
    departments,
    post,
    query: async (query, variables, options) => (await post(query, variables, options)).body,
    token,
    stop: async () => {
      await gateway.stop();
      for (const department of Object.values(departments)) await department.stop();
      await dropDatabases();
    },
  };
}
