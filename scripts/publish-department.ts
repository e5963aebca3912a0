import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '@cg/kit';
import { DepartmentClient } from '@cg/kit/conformance';
import { connectRegistryStore, PublishRefused, SchemaRegistry } from '../gateway/src/registry';

// npm run publish-department -- --name <name> --url <its /graphql> [--sdl <file>]   publish (SDL read from _service unless given)
// npm run publish-department -- --rollback <version>                                 serve an earlier version again
// npm run publish-department -- --list                                               every version, newest first
// Through the gateway's /registry (REGISTRY_URL + REGISTRY_TOKEN), or straight to the registry's database
// (SCHEMA_REGISTRY_URI). Exits 1 when the registry refuses; nothing served changes then.
const { values } = parseArgs({
  options: { name: { type: 'string' }, url: { type: 'string' }, sdl: { type: 'string' }, rollback: { type: 'string' }, list: { type: 'boolean' }, by: { type: 'string' } },
});
const by = values.by ?? os.userInfo().username;

async function sdlOf(name: string, url: string): Promise<string> {
  if (values.sdl) {
    const text = readFileSync(values.sdl, 'utf8');
    // A schema.graphql as kept in a repository leaves the kit's directives out; the served _service SDL has them.
    return text.includes('directive @access') ? text : `${text}\n${readFileSync(path.join(repoRoot, 'kit', 'schema', 'common.graphql'), 'utf8')}`;
  }
  const answer = await new DepartmentClient(url, name).query('{ _service { sdl } }', undefined, {
    subject: 'registry',
    department: 'gateway',
    role: 'SERVICE',
    scope: { communityIds: [], gridIds: [] },
  });
  const sdl = (answer.body?.data?._service as { sdl?: unknown } | undefined)?.sdl;
  if (typeof sdl !== 'string') throw new Error(`${url} did not answer _service { sdl } (status ${answer.status}); pass --sdl <file>`);
  return sdl;
}

async function overHttp(base: string, route: string, body?: unknown) {
  const response = await fetch(`${base.replace(/\/$/, '')}/${route}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${process.env.REGISTRY_TOKEN ?? ''}`, 'content-type': 'application/json', 'x-published-by': by },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = (await response.json()) as { reasons?: string[] };
  if (!response.ok) throw new PublishRefused(answer.reasons ?? [`HTTP ${response.status}`]);
  return answer;
}

async function main() {
  const http = process.env.REGISTRY_URL;
  const uri = process.env.SCHEMA_REGISTRY_URI;
  if (!http && !uri) throw new Error("set REGISTRY_URL (the gateway's /registry, with REGISTRY_TOKEN) or SCHEMA_REGISTRY_URI (the registry's MongoDB)");
  const store = http ? undefined : await connectRegistryStore(uri!);
  const registry = store && new SchemaRegistry(store);
  try {
    if (values.list) return console.log(JSON.stringify(http ? await overHttp(http, 'versions') : await store!.list(), null, 2));
    if (values.rollback) {
      const version = Number(values.rollback);
      const result = http ? await overHttp(http, 'rollback', { version }) : await registry!.rollback(version, by);
      return console.log(`rolled back: version ${version} is served again as version ${(result as { version: number }).version}`);
    }
    if (!values.name || !values.url) throw new Error('usage: publish-department --name <name> --url <url> [--sdl <file>] | --rollback <version> | --list');
    const subgraph = { name: values.name, url: values.url, sdl: await sdlOf(values.name, values.url) };
    const result = (http ? await overHttp(http, 'publish', subgraph) : await registry!.publish(subgraph, by)) as { version: number };
    console.log(`published ${values.name} as version ${result.version}; gateways following the registry serve it within their poll interval`);
  } finally {
    await store?.close();
  }
}

// The kit's imports keep timers (metrics, logging) alive: exit once the answer is printed.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof PublishRefused ? error.message : `publish failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
