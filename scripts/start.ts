/**
 * `npm start`: a database (MONGODB_URI, or an embedded one), the demo data, every department subgraph and the
 * gateway, each in its own process. Ctrl-C stops them all and the embedded database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ensureMongo, gatewayPort, listSubgraphs, repoRoot, stableId, subgraphUrl } from '@cg/kit';
import { exampleOperation } from '../gateway/src/examples';
import { ensureConsoleBuilt } from './console-build';
import { seedWorld } from './seed/write';

const children: ChildProcess[] = [];

function startProcess(name: string, entry: string, env: Record<string, string>): ChildProcess {
  // kit/src/tracing.ts is preloaded so OpenTelemetry (off unless OTEL_EXPORTER_OTLP_ENDPOINT is set) hooks http first.
  const args = ['--import', 'tsx', '--import', './kit/src/tracing.ts', entry];
  const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, SERVICE: name, ...env }, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${name} exited (${signal ?? code}); stopping everything`);
    void stopAll(1);
  });
  children.push(child);
  return child;
}

async function waitReady(name: string, graphqlUrl: string, timeoutMs = 60_000): Promise<void> {
  const readyUrl = graphqlUrl.replace(/\/graphql$/, '/health/ready');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(readyUrl).catch(() => null);
    if (response?.ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} was not ready at ${readyUrl} within ${timeoutMs / 1000} s`);
}

let stopping = false;
let stopDatabase: () => Promise<void> = async () => undefined;
async function stopAll(code = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
    ),
  );
  await stopDatabase();
  console.log('stopped every process and the database');
  process.exit(code);
}
process.on('SIGINT', () => void stopAll());
process.on('SIGTERM', () => void stopAll());

async function main() {
  const mongo = await ensureMongo({ dataDir: path.join(repoRoot, '.data', 'db') });
  stopDatabase = mongo.stop;
  const seeding = performance.now();
  const counts = await seedWorld(mongo.uri, 'demo');
  const sum = (pick: (c: (typeof counts)[number]) => number) => counts.reduce((n, c) => n + pick(c), 0);
  const rewritten = counts.filter((c) => !c.unchanged).length;
  if (rewritten) await mongo.refreshStatistics();
  console.log(
    `demo data: ${sum((c) => c.documents)} documents in ${counts.length} collections; ${rewritten} collections written ` +
      `(${sum((c) => c.inserted)} inserted, ${sum((c) => c.changed)} changed), the rest unchanged since last seeded; ` +
      `${((performance.now() - seeding) / 1000).toFixed(1)} s`,
  );

  const subgraphs = listSubgraphs();
  for (const entry of subgraphs) startProcess(entry.name, path.join(entry.dir, 'src', 'index.ts'), { MONGODB_URI: mongo.uri });
  await Promise.all(subgraphs.map((entry) => waitReady(entry.name, subgraphUrl(entry))));
  if (ensureConsoleBuilt()) console.log('console built (console/dist)');
  const gatewayUrl = `http://127.0.0.1:${gatewayPort()}/graphql`;
  startProcess('gateway', path.join(repoRoot, 'gateway', 'src', 'index.ts'), {});
  await waitReady('gateway', gatewayUrl);

  const { query } = exampleOperation('docs/example-query.graphql');
  const variables = { id: stableId('resident', 'YHM0101000', 0) };
  console.log(
    `\nGateway: ${gatewayUrl}\nConsole (案件工作台): ${gatewayUrl.replace(/\/graphql$/, '/console/')} (sign in with a demo identity)\n\nTry the example query (docs/example-query.graphql) with variables ${JSON.stringify(variables)}:\n`,
  );
  // Every request needs a token (docs/security.md): a development one for a demo role, from the key pair the gateway trusts.
  console.log(
    `curl -s ${gatewayUrl} -H 'content-type: application/json' \\\n  -H "authorization: Bearer $(npm run -s mint-token -- civil-affairs-clerk)" \\\n  --data '${JSON.stringify({ query: query.replace(/#.*\n/g, '').replace(/\s+/g, ' ').trim(), variables })}'\n`,
  );
  console.log('Press Ctrl-C to stop.');
}
main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await stopAll(1);
});
