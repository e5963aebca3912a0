import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { createHttpApp, listSubgraphs, listen, redactError, subgraphUrl, supergraphPath, type Identity, type RunningHttp } from '@cg/kit';
// security (issue 5): JWT authentication, request limits, signed subgraph requests
import { authenticate, authOptionsFromEnv, type AuthOptions } from './auth';
import { apolloLimits, jsonBodyErrors, limitsFromEnv, rateLimit, type Limits } from './limits';
import { forwardedHeaders, signingFetcher } from './signing';

export interface GatewayOptions {
  /** Defaults to the checked-in schema/supergraph.graphql. */
  supergraphSdl?: string;
  /** Subgraph name → URL, overriding the registry (tests run subgraphs on free ports). */
  urls?: Record<string, string>;
  /** Token verification; defaults from AUTH_* (docs/security.md). */
  auth?: AuthOptions;
  /** Overrides of the limits read from the environment. */
  limits?: Partial<Limits>;
}

interface GatewayContext {
  requestId: string;
  identity: Identity | null;
}

/** Forwards the request id so one request can be followed through every department's logs. */
class DepartmentDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    // The verified identity travels signed (signingFetcher); nothing the client sent is forwarded.
    for (const [name, value] of Object.entries(forwardedHeaders(context))) request.http?.headers.set(name, value);
  }
}

export async function buildGateway(options: GatewayOptions = {}) {
  const urls = Object.fromEntries(listSubgraphs().map((entry) => [entry.name, options.urls?.[entry.name] ?? subgraphUrl(entry)]));
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl ?? readFileSync(supergraphPath, 'utf8'),
    buildService: ({ name }) => {
      if (!urls[name]) throw new Error(`the supergraph names subgraph "${name}", which is not registered under subgraphs/`);
      return new DepartmentDataSource({ url: urls[name], fetcher: signingFetcher(name) });
    },
  });
  const limits = { ...limitsFromEnv(), ...options.limits };
  const auth = options.auth ?? (await authOptionsFromEnv());
  const guards = apolloLimits(limits);
  const apollo = new ApolloServer<GatewayContext>({ gateway, stopOnTerminationSignals: false, ...guards, formatError: redactError });
  await apollo.start();

  const app = createHttpApp(async () => {
    // Ready only when every department answers its own readiness check.
    const results = await Promise.all(
      Object.entries(urls).map(async ([name, url]) => {
        const response = await fetch(url.replace(/\/graphql$/, '/health/ready'), { signal: AbortSignal.timeout(2000) }).catch(() => null);
        return [name, response?.ok ? 'ready' : 'unavailable'] as const;
      }),
    );
    const down = results.filter(([, state]) => state !== 'ready').map(([name]) => name);
    if (down.length > 0) throw new Error(`subgraphs not ready: ${down.join(', ')}`);
    return { subgraphs: Object.fromEntries(results) };
  });
  app.use(
    '/graphql',
    authenticate(auth),
    rateLimit(limits),
    express.json({ limit: limits.bodyLimit }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => ({
        // A client's request id is kept only when it is a plain token (it ends up in audit records).
        requestId: /^[\w-]{8,64}$/.test(req.header('x-request-id') ?? '') ? req.header('x-request-id')! : randomUUID(),
        identity: res.locals.identity ?? null,
      }),
    }),
  );
  app.use(jsonBodyErrors);
  return { app, urls, stop: () => apollo.stop() };
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
