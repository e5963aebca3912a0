import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The one place subgraph names, ports and URLs come from. A department is a folder under `subgraphs/`
 * whose package.json has a `subgraph.port`; composition, the gateway, the start script, the tests and
 * the docker-compose check all read this, so adding a department edits no root file.
 */
export const repoRoot = path.resolve(__dirname, '..', '..');
export const subgraphsDir = path.join(repoRoot, 'subgraphs');
export const supergraphPath = path.join(repoRoot, 'schema', 'supergraph.graphql');

export interface SubgraphEntry {
  name: string;
  dir: string;
  port: number;
  schemaPath: string;
}

function readJson(file: string): { subgraph?: { port?: unknown }; gateway?: { port?: unknown } } {
  return JSON.parse(readFileSync(file, 'utf8'));
}

export function listSubgraphs(root = subgraphsDir): SubgraphEntry[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(root, d.name, 'package.json')))
    .map((d) => {
      const dir = path.join(root, d.name);
      const port = Number(readJson(path.join(dir, 'package.json')).subgraph?.port);
      if (!Number.isInteger(port)) throw new Error(`subgraphs/${d.name}/package.json needs "subgraph": { "port": <number> }`);
      return { name: d.name, dir, port, schemaPath: path.join(dir, 'schema.graphql') };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export const gatewayPort = (): number => Number(process.env.PORT ?? readJson(path.join(repoRoot, 'gateway', 'package.json')).gateway?.port);

/** `civil-affairs` → `CIVIL_AFFAIRS`, for per-subgraph environment variables. */
export const envName = (name: string): string => name.toUpperCase().replace(/[^A-Z0-9]/g, '_');

/**
 * Where a subgraph answers: `<NAME>_URL` if set, else `SUBGRAPH_URL_TEMPLATE` (`{name}` and `{port}` filled in;
 * docker-compose uses `http://{name}:{port}/graphql`), else localhost on its registered port.
 */
export function subgraphUrl(entry: Pick<SubgraphEntry, 'name' | 'port'>, env = process.env): string {
  const explicit = env[`${envName(entry.name)}_URL`];
  if (explicit) return explicit;
  const template = env.SUBGRAPH_URL_TEMPLATE ?? 'http://localhost:{port}/graphql';
  return template.replaceAll('{name}', entry.name).replaceAll('{port}', String(entry.port));
}
