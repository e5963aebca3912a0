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
}

export const mergeFetchesFromEnv = (env = process.env) => !/^(off|0|false)$/i.test((env.GATEWAY_MERGE_FETCHES ?? 'on').trim());

interface GatewayContext {
  requestId: string;
  identity: Identity | null;
  /** The request's overall budget (GATEWAY_REQUEST_TIMEOUT_MS); department fetches still running then are cut. */
  deadline: AbortSignal;
  /** Who asks and the request id as department headers, encoded once for every department request it makes. */
  forwarded: Record<string, string>;
}

export async function buildGateway(options: GatewayOptions = {}) {
  const metrics = createMetrics('gateway'); // observability: /metrics, per-operation and per-subgraph figures, JSON logs
  const urls = Object.fromEntries(listSubgraphs().map((entry) => [entry.name, options.urls?.[entry.name] ?? subgraphUrl(entry)]));
  const sources: ResilientDataSource<GatewayContext>[] = [];
  const mergeFetches = options.mergeFetches ?? mergeFetchesFromEnv();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl ?? readFileSync(supergraphPath, 'utf8'),
    // Each fetch's parsed document travels with the cached plan: merging fetches needs it, so no fetch is parsed again.
    queryPlannerConfig: { exposeDocumentNodeInFetchNode: true },
    buildService: ({ name }) => {
      if (!urls[name]) throw new Error(`the supergraph names subgraph "${name}", which is not registered under subgraphs/`);
      // Each attempt is signed afresh, under the retries (signing.ts).
      const source = new ResilientDataSource<GatewayContext>({ name, url: urls[name], post: signingPost(name), mergeFetches, headers: (context) => context.forwarded });
      sources.push(source);
      return instrumentSubgraph(name, source, metrics);
    },
  });
  const limits = { ...limitsFromEnv(), ...options.limits };
  const auth = options.auth ?? (await authOptionsFromEnv());
  const guards = apolloLimits(limits);
  const rates = await createRateStore(limits);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    stopOnTerminationSignals: false,
    ...guards,
    // Our own GraphiQL (mountGraphiql) replaces Apollo's landing page, which loads from a CDN.
    plugins: [...(guards.plugins ?? []), unknownOperationIs400, ApolloServerPluginLandingPageDisabled(), observabilityPlugin('gateway', metrics)],
    // No department URL, body or stack trace, and no full ID number or phone, reaches a client.
    formatError: (formatted) => redactError(formatGatewayError(formatted)),
  });
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
  app.use(
    '/graphql',
    authenticate(auth),
    rateLimit(rates.limiter),
    requireIdentity,
    express.json({ limit: limits.bodyLimit }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        // A client's request id is kept only when it is a plain token (it ends up in audit records).
        const requestId = /^[\w-]{8,64}$/.test(req.header('x-request-id') ?? '') ? req.header('x-request-id')! : randomUUID();
        const identity: Identity | null = res.locals.identity ?? null;
        // The budget's timer ends with the response (AbortSignal.timeout would hold every request for the full budget).
        const deadline = new AbortController();
        const timer = setTimeout(() => deadline.abort(), timeoutMs);
        res.once('close', () => clearTimeout(timer));
        return { requestId, identity, deadline: deadline.signal, forwarded: forwardedHeaders({ identity, requestId }) };
      },
    }),
  );
  app.use(jsonBodyErrors, httpErrorHandler);
  return { app, urls, sources, stop: async () => (await apollo.stop(), sources.forEach((s) => s.client.shutdown()), await rates.close()) };
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
