import { runClusterPrimary, workerCount } from './cluster';
import { envName, listSubgraphs } from './registry';
import { exitOnSignals } from './shutdown';
import { startDepartment, type Department } from './subgraph';

/**
 * Entry-point helper for `src/index.ts` files: start, print where, and on SIGTERM/SIGINT stop taking requests,
 * finish those in flight and exit.
 */
export async function runUntilSignalled(what: string, start: () => Promise<{ url: string; stop(): Promise<void> }>): Promise<void> {
  const running = await start();
  console.log(`${what} ready at ${running.url}`);
  exitOnSignals(what, () => running.stop());
}

/**
 * A department's `src/index.ts`: listen on `PORT` or the port registered in its package.json; with
 * `<NAME>_WORKERS` (e.g. CIVIL_AFFAIRS_WORKERS=auto) as that many processes sharing the port (kit/src/cluster.ts).
 */
export async function runDepartment<Models extends Record<string, { init(): Promise<unknown> }>, Loaders>(department: Department<Models, Loaders>): Promise<void> {
  const entry = listSubgraphs().find((s) => s.name === department.name);
  if (!entry) throw new Error(`subgraphs/${department.name} is not registered`);
  const what = `subgraph ${department.name}`;
  if (runClusterPrimary(what, workerCount(`${envName(department.name)}_WORKERS`))) return;
  const port = Number(process.env.PORT ?? entry.port);
  return runUntilSignalled(what, () => startDepartment(department, { port }));
}
