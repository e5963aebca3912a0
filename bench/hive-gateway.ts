/**
 * The Hive Gateway baseline of bench/perf.ts: @graphql-hive/gateway-runtime serving the same checked-in supergraph in
 * front of the same signed departments. Tokens are verified by gateway/src/auth.ts and every department request is
 * signed by gateway/src/signing.ts (onFetch hook), so it does the same security work as our gateway.
 * `<NAME>_URL` says where each department answers; GATEWAY_WORKERS forks it like ours.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { listSubgraphs, runClusterPrimary, subgraphUrl, supergraphPath, workerCount, type Identity } from '@cg/kit';
import { authOptionsFromEnv, identityFromAuthorization, TokenRefused } from '../gateway/src/auth';
import { signedSubgraphHeaders } from '../gateway/src/signing';

async function main() {
  const auth = await authOptionsFromEnv();
  // The supergraph names the registered ports; the run's departments answer where `<NAME>_URL` says.
  const targets = new Map(listSubgraphs().map((entry) => [`http://localhost:${entry.port}/graphql`, { name: entry.name, url: subgraphUrl(entry) }]));
  const callers = new WeakMap<Request, { identity: Identity | null; requestId: string }>();
  const signing: GatewayPlugin = {
    async onRequest({ request, endResponse }) {
      try {
        const identity = await identityFromAuthorization(request.headers.get('authorization'), request.headers.get('x-purpose'), auth);
        callers.set(request, { identity, requestId: randomUUID() });
      } catch (error) {
        if (!(error instanceof TokenRefused)) throw error;
        endResponse(Response.json({ errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED' } }] }, { status: 401 }));
      }
    },
    onFetch({ url, setURL, options, setOptions, context }) {
      const target = targets.get(url);
      const caller = 'request' in context ? callers.get((context as { request: Request }).request) : undefined;
      if (!target || !caller) return;
      setURL(target.url);
      const headers = { ...(options.headers as Record<string, string>), ...signedSubgraphHeaders(target.name, String(options.body ?? ''), caller) };
      setOptions({ ...options, headers });
    },
  };
  const gateway = createGatewayRuntime({
    supergraph: readFileSync(supergraphPath, 'utf8'),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health/live',
    landingPage: false,
    graphiql: false,
    logging: 'error',
    plugins: () => [signing],
    // Off, as in our gateway: identical department requests in flight at once would otherwise be sent once and the
    // answer shared, keyed before onFetch adds who asks, so one caller could receive an answer made for another
    // (departments mask and refuse per caller). The benchmark sends the same operation on every connection.
    transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } as Record<string, unknown> } },
  });
  // The gateway answers every request itself, errors included: nothing to catch here.
  const server = createServer((req, res) => void gateway(req, res));
  server.listen(Number(process.env.PORT), '127.0.0.1');
  const stop = () => server.close(() => void Promise.resolve(gateway.dispose()).then(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (!runClusterPrimary('Hive Gateway', workerCount('GATEWAY_WORKERS'))) void main();
