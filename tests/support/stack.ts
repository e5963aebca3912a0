import { connectDatabase, departmentDbName, envName, listSubgraphs, startDepartment, type Department, type RunningDepartment } from '@cg/kit';
import { startGateway } from '../../gateway/src/server';
import { seedWorld } from '../../scripts/seed/write';

export interface Stack {
  gatewayUrl: string;
  departments: Record<string, RunningDepartment<any>>;
  /** POSTs a GraphQL operation to the gateway and returns the parsed body. */
  query<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: any[] }>;
  stop(): Promise<void>;
}

export const loadDepartment = async (dir: string) =>
  ((await import(`${dir}/src/server`)) as { department: Department<any, any> }).department;

export async function postGraphQL(url: string, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
}

/**
 * Every department from subgraphs/ on a free port, each on its own database (prefixed per test file), and the
 * gateway on a free port serving the checked-in supergraph. `seed` writes the demo world first.
 */
export async function startStack({ seed = true } = {}): Promise<Stack> {
  const uri = process.env.MONGODB_URI!;
  if (seed) await seedWorld(uri, 'demo', process.env.MONGODB_DB_PREFIX);
  const departments: Record<string, RunningDepartment<any>> = {};
  for (const entry of listSubgraphs()) {
    departments[entry.name] = await startDepartment(await loadDepartment(entry.dir), { mongoUri: uri, dbName: departmentDbName(entry.name) });
    // Departments ask each other (e.g. does this Resident exist?) at the URLs the registry reads from the environment.
    process.env[`${envName(entry.name)}_URL`] = departments[entry.name]!.url;
  }
  const gateway = await startGateway({ urls: Object.fromEntries(Object.entries(departments).map(([name, d]) => [name, d.url])) });
  return {
    gatewayUrl: gateway.url,
    departments,
    query: async (query, variables) => (await postGraphQL(gateway.url, query, variables)).body,
    stop: async () => {
      await gateway.stop();
      for (const department of Object.values(departments)) await department.stop();
      await dropDatabases();
    },
  };
}

/** Drops a test's databases that were written without a running department (e.g. seeding only). */
export async function dropDatabases(prefix = process.env.MONGODB_DB_PREFIX): Promise<void> {
  for (const entry of listSubgraphs()) {
    const connection = await connectDatabase({ uri: process.env.MONGODB_URI!, dbName: departmentDbName(entry.name, prefix) });
    await connection.dropDatabase();
    await connection.close();
  }
}
