import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloGateway } from '@apollo/gateway';
import { createHttpApp, listSubgraphs, listen, subgraphUrl, supergraphPath, type RunningHttp } from '@cg/kit';
import { ResilientDataSource } from './datasource';
import { formatGatewayError, httpErrorHandler } from './errors';
import { requestTimeoutMs } from './fetcher';
import { maxDepthRule, unknownOperationIs400 } from './limits';

export interface GatewayOptions {
  /** Defaults to the checked-in schema/supergraph.graphql. */
  supergraphSdl?: string;
  /** Subgraph name → URL, overriding the registry (tests run subgraphs on free ports). */
  urls?: Record<string, string>;
}

interface GatewayContext {
  requestId: string;
  /** The request's overall budget (GATEWAY_REQUEST_TIMEOUT_MS); department fetches still running then are cut. */
  deadline: AbortSignal;
}

/** Forwards the request id so one request can be followed through every department's logs. */
class DepartmentDataSource extends ResilientDataSource<GatewayContext> {
  override willSendRequest({ request, context }: Parameters<NonNullable<ResilientDataSource<GatewayContext>['willSendRequest']>>[0]) {
    if (context.requestId) request.http?.headers.set('x-request-id', context.requestId);
  }
}

export async function buildGateway(options: GatewayOptions = {}) {
  const urls = Object.fromEntries(listSubgraphs().map((entry) => [entry.name, options.urls?.[entry.name] ?? subgraphUrl(entry)]));
  const sources: DepartmentDataSource[] = [];
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl ?? readFileSync(supergraphPath, 'utf8'),
    buildService: ({ name }) => {
      if (!urls[name]) throw new Error(`the supergraph names subgraph "${name}", which is not registered under subgraphs/`);
      const source = new DepartmentDataSource({ name, url: urls[name] });
      sources.push(source);
      return source;
    },
  });
  // Reliability (docs/reliability.md): no department URL, body or stack trace reaches a client.
  const apollo = new ApolloServer<GatewayContext>({ gateway, stopOnTerminationSignals: false, formatError: formatGatewayError, validationRules: [maxDepthRule()], plugins: [unknownOperationIs400] });
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
  app.use(
    '/graphql',
    express.json({ limit: process.env.BODY_LIMIT ?? '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({ requestId: req.header('x-request-id') ?? randomUUID(), deadline: AbortSignal.timeout(timeoutMs) }),
    }),
  );
  app.use(httpErrorHandler);
  return { app, urls, sources, stop: async () => (await apollo.stop(), sources.forEach((s) => s.client.shutdown())) };
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
