import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloGateway } from '@apollo/gateway';
import { createHttpApp, listSubgraphs, listen, redactError, subgraphUrl, supergraphPath, type Identity, type RunningHttp } from '@cg/kit';
// security (issue 5): JWT authentication, request limits, signed subgraph requests
import { authenticate, authOptionsFromEnv, requireIdentity, type AuthOptions } from './auth';
import { apolloLimits, jsonBodyErrors, limitsFromEnv, rateLimit, unknownOperationIs400, type Limits } from './limits';
import { createRateStore } from './rate-store';
import { forwardedHeaders, signingPost } from './signing';
// reliability (issue 6): timeouts, circuit breakers, read retries, errors without internals
import { ResilientDataSource } from './datasource';
import { formatGatewayError, httpErrorHandler } from './errors';
import { requestTimeoutMs } from './fetcher';
// developer experience (issue 8): offline GraphiQL, metrics
import { createMetrics, mountMetrics, observabilityPlugin } from '@cg/kit';
import { mountGraphiql } from './graphiql';
import { devSignInEnabled, mountConsole } from './console';
import { instrumentSubgraph } from './observability';
// partners and front-end teams: per-partner schemas, trusted documents, Open311
import { contractInputs, contractSupergraph, loadContracts } from './contracts';
import { contractBinding, lazyServer, onlyRoot } from './contracts-http';
import { trustedDocuments, trustedDocumentsFromEnv, type TrustedDocumentsConfig } from './trusted-documents';
import { executeAs } from './open311/execute';
import { open311Router } from './open311/router';
// exports: spreadsheets filled through the gateway's own GraphQL
import { mountExports } from './exports/route';
// schema registry: departments published at run time, hot reload of the supergraph (docs/joining-from-outside.md)
import { openGatewayRegistry, registryOptionsFromEnv, type RegistryOptions } from './registry';

export interface GatewayOptions {
  /** Defaults to the checked-in schema/supergraph.graphql. */
  supergraphSdl?: string;
  /** Subgraph name → URL, overriding the registry (tests run subgraphs on free ports). */
  urls?: Record<string, string>;
  /** Token verification; defaults from AUTH_* (docs/security.md). */
  auth?: AuthOptions;
  /** Overrides of the limits read from the environment. */
  limits?: Partial<Limits>;
  /**
   * One HTTP request for the `_entities` reads a request sends to one department side by side (datasource.ts).
   * Default from GATEWAY_MERGE_FETCHES: on unless `off`/`0`/`false`.
   */
  mergeFetches?: boolean;
  /** Overrides of the trusted-documents settings read from the environment (trusted-documents.ts). */
  trustedDocuments?: Partial<TrustedDocumentsConfig>;
  /** Serve and follow the schema registry (default from SCHEMA_REGISTRY_URI); ignored when `supergraphSdl` is given. */
  registry?: RegistryOptions;
}

export const mergeFetchesFromEnv = (env = process.env) => !/^(off|0|false)$/i.test((env.GATEWAY_MERGE_FETCHES ?? 'on').trim());

export interface GatewayContext {
  requestId: string;
  identity: Identity | null;
  /** The request's overall budget (GATEWAY_REQUEST_TIMEOUT_MS); department fetches still running then are cut. */
  deadline: AbortSignal;
  /** Who asks and the request id as department headers, encoded once for every department request it makes. */
  forwarded: Record<string, string>;
}

export async function buildGateway(options: GatewayOptions = {}) {
  const metrics = createMetrics('gateway'); // observability: /metrics, per-operation and per-subgraph figures, JSON logs
  // A department outside subgraphs/ (e.g. examples/law-enforcement, in Java) is served when `urls` names it.
  const urls = { ...options.urls, ...Object.fromEntries(listSubgraphs().map((entry) => [entry.name, options.urls?.[entry.name] ?? subgraphUrl(entry)])) };
  const sources: ResilientDataSource<GatewayContext>[] = [];
  const mergeFetches = options.mergeFetches ?? mergeFetchesFromEnv();
  const supergraphSdl = options.supergraphSdl ?? readFileSync(supergraphPath, 'utf8');
  // One data source per department, shared by the full schema's gateway and every contract's (one breaker each).
  const services = new Map<string, ResilientDataSource<GatewayContext>>();
  const registryOptions = options.supergraphSdl ? undefined : (options.registry ?? registryOptionsFromEnv());
  const registry = registryOptions ? await openGatewayRegistry(registryOptions) : undefined;
  // A department published through the registry answers at the URL it published; ours where this process says.
  const buildService = ({ name, url: published }: { name: string; url?: string }) => {
    const url = urls[name] ?? (registry ? published : undefined);
    if (!url) throw new Error(`the supergraph names subgraph "${name}", which is neither registered under subgraphs/ nor given a URL`);
    if (services.has(name)) return services.get(name)!;
    // Each attempt is signed afresh, under the retries (signing.ts).
    const source = new ResilientDataSource<GatewayContext>({ name, url, post: signingPost(name), mergeFetches, headers: (context) => context.forwarded });
    sources.push(source);
    return services.set(name, instrumentSubgraph(name, source, metrics)).get(name)!;
  };
  const limits = { ...limitsFromEnv(), ...options.limits };
  const auth = options.auth ?? (await authOptionsFromEnv());
  const guards = apolloLimits(limits);
  const rates = await createRateStore(limits);
  const serve = (sdl: string | NonNullable<typeof registry>['manager']) =>
    new ApolloServer<GatewayContext>({
      // Each fetch's parsed document travels with the cached plan: merging fetches needs it, so no fetch is parsed again.
      gateway: new ApolloGateway({ supergraphSdl: sdl, queryPlannerConfig: { exposeDocumentNodeInFetchNode: true }, buildService }),
      stopOnTerminationSignals: false,
      ...guards,
      // Our own GraphiQL (mountGraphiql) replaces Apollo's landing page, which loads from a CDN.
      plugins: [...(guards.plugins ?? []), unknownOperationIs400, ApolloServerPluginLandingPageDisabled(), observabilityPlugin('gateway', metrics)],
      // No department URL, body or stack trace, and no full ID number or phone, reaches a client.
      formatError: (formatted) => redactError(formatGatewayError(formatted)),
    });
  const apollo = serve(registry?.manager ?? supergraphSdl);
  const timeoutMs = requestTimeoutMs(Object.keys(urls));
  await apollo.start();

  const app = createHttpApp(async () => {
    // The supergraph is loaded (Apollo started above). Ready while at least one department answers its own
    // readiness check: with some down the gateway still serves partial answers, so it stays in rotation, 'degraded'.
    const results = await Promise.all(
      Object.entries(urls).map(async ([name, url]) => {
        const response = await fetch(url.replace(/\/graphql$/, '/health/ready'), { signal: AbortSignal.timeout(2000) }).catch(() => null);
        const breaker = sources.find((s) => s.name === name)?.client.state() ?? 'closed';
        return [name, { state: response?.ok ? 'ready' : 'unavailable', breaker }] as const;
      }),
    );
    const down = results.filter(([, r]) => r.state !== 'ready').map(([name]) => name);
    if (down.length === results.length) throw new Error(`no department is ready: ${down.join(', ')}`);
    return { supergraph: 'loaded', degraded: down.length > 0, subgraphs: Object.fromEntries(results) };
  });
  mountMetrics(app, metrics);
  mountGraphiql(app);
  // The case-desk console; its development sign-in only when this gateway trusts the development keys.
  mountConsole(app, { devSignIn: !options.auth && devSignInEnabled() });
  mountExports(app);
  registry?.mount(app);
  /** A request's context; its budget's timer ends with the response, or when `done` settles. */
  const contextFor = (identity: Identity | null, requestId: string, done: (clear: () => void) => void): GatewayContext => {
    // (AbortSignal.timeout would hold every request for the full budget.)
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    done(() => clearTimeout(timer));
    return { requestId, identity, deadline: deadline.signal, forwarded: forwardedHeaders({ identity, requestId }) };
  };
  const context = async ({ req, res }: { req: express.Request; res: express.Response }): Promise<GatewayContext> => {
    // A client's request id is kept only when it is a plain token (it ends up in audit records).
    const requestId = /^[\w-]{8,64}$/.test(req.header('x-request-id') ?? '') ? req.header('x-request-id')! : randomUUID();
    return contextFor(res.locals.identity ?? null, requestId, (clear) => res.once('close', clear));
  };
  const trusted = trustedDocuments({ ...trustedDocumentsFromEnv(), ...options.trustedDocuments });
  const graphql = (handler: express.RequestHandler, contract: string | null) => [
    authenticate(auth),
    rateLimit(rates.limiter),
    requireIdentity,
    contractBinding(contract),
    express.json({ limit: limits.bodyLimit }),
    trusted,
    handler,
  ];
  // Per-partner schemas (contracts.ts): each runs its own cut of the supergraph, started on its first request.
  let inputs: ReturnType<typeof contractInputs> | undefined;
  const contracts = loadContracts().map((config) => ({
    name: config.name,
    ...lazyServer(async () => {
      const server = serve(contractSupergraph(supergraphSdl, config, (inputs ??= contractInputs(supergraphSdl))));
      await server.start();
      return { server, handler: expressMiddleware(server, { context }) };
    }),
  }));
  // Contracts first: '/graphql' would match their paths too.
  for (const contract of contracts) app.use(`/graphql/${contract.name}`, ...graphql(contract.handler, contract.name));
  app.use('/graphql', onlyRoot, ...(registry ? [registry.gate.middleware] : []), ...graphql(expressMiddleware(apollo, { context }), null));
  // Open311 GeoReport v2 (open311/): REST over the same operations, run in-process with the caller's identity.
  app.use(
    '/open311/v2',
    open311Router({ auth, limiter: rates.limiter, execute: (identity, request) => executeAs(apollo, request, (done) => contextFor(identity, randomUUID(), done)) }),
  );
  app.use(jsonBodyErrors, httpErrorHandler);
  const stop = async () => {
    await apollo.stop();
    for (const contract of contracts) await contract.stop();
    sources.forEach((s) => s.client.shutdown());
    await rates.close();
    await registry?.close();
  };
  return { app, urls, sources, registry, stop };
}

export async function startGateway(options: GatewayOptions & { port?: number } = {}): Promise<Omit<RunningHttp, 'close'> & { stop(): Promise<void> }> {
  const built = await buildGateway(options);
  const http = await listen(built.app, options.port ?? 0);
  return {
    port: http.port,
    url: http.url,
    stop: async () => {
      await http.close();
      await built.stop();
    },
  };
}
