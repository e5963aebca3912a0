/**
 * OpenTelemetry tracing, off unless switched on by the standard environment variables: set
 * `OTEL_EXPORTER_OTLP_ENDPOINT` (or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) and leave `OTEL_SDK_DISABLED` unset/false.
 * The SDK reads the rest itself (`OTEL_SERVICE_NAME`, `OTEL_EXPORTER_OTLP_PROTOCOL`, `OTEL_TRACES_SAMPLER`, …).
 *
 * It must run before express, http and graphql are loaded, so processes preload it:
 * `node --import tsx --import ./kit/src/tracing.ts <entry>` (scripts/start.ts and the Dockerfile do). HTTP spans
 * carry W3C trace context from the gateway to every department, so one trace shows the whole request.
 */
export function tracingEnabled(env = process.env): boolean {
  if (/^true$/i.test(env.OTEL_SDK_DISABLED ?? '')) return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

let shutdown: (() => Promise<void>) | undefined;

/** Starts the SDK once (a no-op when tracing is off); returns its shutdown, which flushes pending spans. */
export function startTracing(serviceName = process.env.OTEL_SERVICE_NAME ?? process.env.SERVICE ?? 'cg'): () => Promise<void> {
  if (!tracingEnabled()) return async () => undefined;
  if (shutdown) return shutdown;
  // Required synchronously and only when on: the instrumentations must hook module loading before the app's
  // modules load, and nobody should pay the SDK's start-up time with tracing off.
  const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { ExpressInstrumentation } = require('@opentelemetry/instrumentation-express') as typeof import('@opentelemetry/instrumentation-express');
  const { GraphQLInstrumentation } = require('@opentelemetry/instrumentation-graphql') as typeof import('@opentelemetry/instrumentation-graphql');
  process.env.OTEL_SERVICE_NAME ??= serviceName;
  const sdk = new NodeSDK({
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => /^\/(health|metrics)/.test(req.url ?? '') }),
      new ExpressInstrumentation(),
      new GraphQLInstrumentation({ mergeItems: true, ignoreTrivialResolveSpans: true }),
    ],
  });
  sdk.start();
  shutdown = () => sdk.shutdown();
  // runUntilSignalled exits the process after draining; flush the last spans first.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.prependListener(signal, () => void shutdown?.());
  return shutdown;
}

// Preloaded with --import: switch on before the application's modules load.
if (tracingEnabled() && !process.env.JEST_WORKER_ID) startTracing();
