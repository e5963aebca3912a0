import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { createHttpApp, listSubgraphs, listen, subgraphUrl, supergraphPath, type RunningHttp } from '@cg/kit';
import { createMetrics, mountMetrics, observabilityPlugin } from '@cg/kit';
import { mountGraphiql } from './graphiql';
import { instrumentSubgraph } from './observability';

export interface GatewayOptions {
  /** Defaults to the checked-in schema/supergraph.graphql. */
  supergraphSdl?: string;
  /** Subgraph name → URL, overriding the registry (tests run subgraphs on free ports). */
  urls?: Record<string, string>;
}

interface GatewayContext {
  requestId: string;
}

/** Forwards the request id so one request can be followed through every department's logs. */
class DepartmentDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    if (context.requestId) request.http?.headers.set('x-request-id', context.requestId);
  }
}

export async function buildGateway(options: GatewayOptions = {}) {
  const metrics = createMetrics('gateway'); // observability: /metrics, per-operation and per-subgraph figures, JSON logs
  const urls = Object.fromEntries(listSubgraphs().map((entry) => [entry.name, options.urls?.[entry.name] ?? subgraphUrl(entry)]));
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl ?? readFileSync(supergraphPath, 'utf8'),
    buildService: ({ name }) => {
      if (!urls[name]) throw new Error(`the supergraph names subgraph "${name}", which is not registered under subgraphs/`);
      return instrumentSubgraph(name, new DepartmentDataSource({ url: urls[name] }), metrics);
    },
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    stopOnTerminationSignals: false,
    // Our own GraphiQL (mountGraphiql) replaces Apollo's landing page, which loads from a CDN.
    plugins: [ApolloServerPluginLandingPageDisabled(), observabilityPlugin('gateway', metrics)],
  });
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
  mountMetrics(app, metrics);
  mountGraphiql(app);
  app.use(
    '/graphql',
    express.json({ limit: process.env.BODY_LIMIT ?? '1mb' }),
    expressMiddleware(apollo, { context: async ({ req }) => ({ requestId: req.header('x-request-id') ?? randomUUID() }) }),
  );
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
