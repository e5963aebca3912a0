import type { ApolloServerPlugin } from '@apollo/server';
import type { Express } from 'express';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { requestLogger } from './logger';

/**
 * Prometheus metrics of one service (the gateway or a department), on its own registry so that several services in
 * one process (the tests) each report only their own. Label values stay bounded: operation names that are not plain
 * GraphQL names become `invalid`, unnamed operations `anonymous`.
 */
export interface ServiceMetrics {
  registry: Registry;
  requests: Counter<'service' | 'operation' | 'outcome'>;
  duration: Histogram<'service' | 'operation'>;
  errors: Counter<'service' | 'operation' | 'code'>;
  subgraphRequests: Counter<'subgraph' | 'operation' | 'outcome'>;
  subgraphDuration: Histogram<'subgraph' | 'operation'>;
  /** Commands a department sent to its database (the benchmark divides them by requests). */
  databaseCommands: Counter<'command' | 'collection'>;
}

const buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    requests: new Counter({
      name: 'graphql_requests_total',
      help: 'GraphQL operations answered, by operation and outcome (ok|error)',
      labelNames: ['service', 'operation', 'outcome'],
      registers,
    }),
    duration: new Histogram({ name: 'graphql_request_duration_seconds', help: 'Time to answer a GraphQL operation', labelNames: ['service', 'operation'], buckets, registers }),
    errors: new Counter({
      name: 'graphql_errors_total',
      help: 'GraphQL errors returned, by operation and extensions.code',
      labelNames: ['service', 'operation', 'code'],
      registers,
    }),
    subgraphRequests: new Counter({
      name: 'gateway_subgraph_requests_total',
      help: 'Requests the gateway sent to a department, by outcome (ok|error)',
      labelNames: ['subgraph', 'operation', 'outcome'],
      registers,
    }),
    subgraphDuration: new Histogram({
      name: 'gateway_subgraph_request_duration_seconds',
      help: 'Time a department took to answer the gateway',
      labelNames: ['subgraph', 'operation'],
      buckets,
      registers,
    }),
    databaseCommands: new Counter({
      name: 'database_commands_total',
      help: 'Commands sent to the database, by command and collection',
      labelNames: ['command', 'collection'],
      registers,
    }),
  };
}

/** A bounded label for a client-chosen operation name. */
export const operationLabel = (name: string | null | undefined): string => (!name ? 'anonymous' : /^[_A-Za-z][_0-9A-Za-z]{0,99}$/.test(name) ? name : 'invalid');

/** `GET /metrics` in Prometheus' text format. */
export function mountMetrics(app: Express, metrics: ServiceMetrics): void {
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}

/**
 * Apollo plugin: counts and times every operation, counts its errors by code, and writes one JSON log line per
 * operation with the request id (a warning when it had errors).
 */
export function observabilityPlugin(service: string, metrics: ServiceMetrics): ApolloServerPlugin<{ requestId?: string }> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, response, errors }) {
          const operation = operationLabel(operationName);
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const all = errors ?? body?.errors ?? [];
          const codes = all.map((e) => String((e.extensions as { code?: unknown } | undefined)?.code ?? 'INTERNAL_SERVER_ERROR'));
          metrics.requests.inc({ service, operation, outcome: codes.length ? 'error' : 'ok' });
          metrics.duration.observe({ service, operation }, seconds);
          for (const code of codes) metrics.errors.inc({ service, operation, code });
          const log = requestLogger(service, contextValue.requestId ?? 'unknown');
          const line = { operation, ms: Math.round(seconds * 1000), errors: codes.length ? codes : undefined };
          if (codes.length) log.warn(line, 'graphql operation with errors');
          else log.info(line, 'graphql operation');
        },
      };
    },
  };
}
