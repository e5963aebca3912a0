import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse, print, visit } from 'graphql';
import { connectDatabase, departmentDbName } from '@cg/kit';
import { DepartmentClient, registryServices, repositoryServices, runConformance, type CheckResult } from '@cg/kit/conformance';
import { startPatrol } from './support/patrol/server';
import { startStack, type Stack } from '@cg/kit/testing';

// The gateway follows the schema registry: a department published while clients keep querying answers within
// seconds and no request fails; publishes that do not compose or break an operation in use change nothing served.
const TOKEN = 'registry-test-token-0123456789abcdef-0123';
let stack: Stack;
let patrol: Awaited<ReturnType<typeof startPatrol>>;
let registryUrl: string;

beforeAll(async () => {
  Object.assign(process.env, { SCHEMA_REGISTRY_URI: process.env.MONGODB_URI, SCHEMA_REGISTRY_POLL_MS: '250', REGISTRY_TOKEN: TOKEN });
  stack = await startStack();
  patrol = await startPatrol();
  registryUrl = stack.gatewayUrl.replace(/\/graphql$/, '/registry');
}, 240_000);
afterAll(async () => {
  await stack.stop();
  await patrol.stop();
  const registryDb = await connectDatabase({ uri: process.env.MONGODB_URI!, dbName: departmentDbName('registry') });
  await registryDb.dropDatabase();
  await registryDb.close();
  for (const key of ['SCHEMA_REGISTRY_URI', 'SCHEMA_REGISTRY_POLL_MS', 'REGISTRY_TOKEN']) delete process.env[key];
});

const registry = async (route: string, body?: unknown, token = TOKEN) => {
  const response = await fetch(`${registryUrl}/${route}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as any };
};
const sdlOf = async (url: string, name: string) =>
  (
    (
      await new DepartmentClient(url, name).query('{ _service { sdl } }', undefined, {
        subject: 'test',
        department: 'gateway',
        role: 'SERVICE',
        scope: { communityIds: [], gridIds: [] },
      })
    ).body!.data!._service as { sdl: string }
  ).sdl;

/** `npm run publish-department` in its own process, straight to the registry's database, as a department team runs it. */
async function publishCli(name: string, url: string, sdl: string): Promise<{ code: number; output: string }> {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'cg-publish-')), `${name}.graphql`);
  writeFileSync(file, sdl);
  try {
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/publish-department.ts', '--name', name, '--url', url, '--sdl', file], {
      cwd: path.join(__dirname, '..'),
      env: process.env,
      timeout: 90_000,
    });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: `${failed.stdout}${failed.stderr}` };
  }
}

const LOAD_QUERY = '{ buildings(first: 3) { edges { node { id number } } } }';
const PATROLS = '{ patrols { id note patroller building { id } } }';

test('publish under load: 0 failed requests, new fields within seconds, bad publishes refused, rollback in one call', async () => {
  const token = await stack.token('civil-affairs-clerk');
  const load = { running: true, ok: 0, failed: [] as string[] };
  const worker = async () => {
    while (load.running) {
      const { status, body } = await stack
        .post(LOAD_QUERY, undefined, { token })
        .catch((error: Error) => ({ status: 0, body: { errors: [{ message: `${error.message} ${String((error.cause as Error)?.message)}` }] } as any }));
      if (status === 200 && !body.errors && body.data?.buildings?.edges?.length) load.ok++;
      else load.failed.push(`${status} ${JSON.stringify(body).slice(0, 200)}`);
    }
  };
  const workers = Array.from({ length: 4 }, worker);
  try {
    expect((await registry('publish', { name: 'patrol', url: patrol.url, sdl: 'type Query { x: Int }' }, 'wrong-token')).status).toBe(401);
    const before = (await registry('versions')).body as unknown[];
    expect(before).toHaveLength(1); // the baseline: this repository's departments

    expect((await stack.query(PATROLS, undefined, { token })).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const published = await publishCli('patrol', patrol.url, await sdlOf(patrol.url, 'patrol'));
    expect(published).toEqual({ code: 0, output: expect.stringMatching(/^published patrol as version 2;/) });
    const start = Date.now();
    let answer = await stack.query(PATROLS, undefined, { token });
    while (answer.errors && Date.now() - start < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      answer = await stack.query(PATROLS, undefined, { token });
    }
    const seconds = (Date.now() - start) / 1000;
    expect(answer).toEqual({
      data: { patrols: expect.arrayContaining([{ id: 'a00000000000000000000001', note: '消防通道畅通', patroller: '王建国', building: { id: 'b00000000000000000000001' } }]) },
    });
    console.log(`registry: the published department answered through the gateway ${seconds.toFixed(2)} s after the publish`);

    // Refused: a root field another department owns (does not compose) …
    const clash = await publishCli(
      'clash',
      'http://127.0.0.1:9/graphql',
      'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@tag"])\ntype Query { estates: Int @access(roles: ["SERVICE"]) }',
    );
    expect(clash).toEqual({ code: 1, output: expect.stringMatching(/^publish refused:\n {2}composition: Type of field "Query.estates" is incompatible across subgraphs/) });
    // … and property without Building.number, which the case dossier (docs/operations) reads.
    const property = stack.departments.property!;
    const withoutNumber = print(
      visit(parse(await sdlOf(property.url, 'property')), {
        ObjectTypeDefinition: (node) => (node.name.value === 'Building' ? { ...node, fields: node.fields?.filter((f) => f.name.value !== 'number') } : undefined),
      }),
    );
    expect(withoutNumber).not.toMatch(/type Building [^}]*\n\s+number: String/);
    const breaking = await publishCli('property', property.url, withoutNumber);
    expect(breaking.code).toBe(1);
    expect(breaking.output).toMatch(/breaks an operation in use: docs\/operations\/case-dossier.graphql: Cannot query field "number" on type "Building"/);

    expect((await registry('versions')).body).toHaveLength(2);
    await new Promise((resolve) => setTimeout(resolve, 600)); // more than two polls: nothing new to serve
    expect((await stack.query(PATROLS, undefined, { token })).data?.patrols).toHaveLength(3);
    expect((await stack.query('{ buildings(first: 1) { edges { node { number patrols { id } } } } }', undefined, { token })).errors).toBeUndefined();

    // One call serves the baseline again; the patrol fields go, everything else keeps answering.
    expect(await registry('rollback', { version: 1 })).toMatchObject({ status: 200, body: { version: 3 } });
    const rollbackStart = Date.now();
    while (!(await stack.query(PATROLS, undefined, { token })).errors && Date.now() - rollbackStart < 10_000) await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await stack.query(PATROLS, undefined, { token })).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await registry('versions')).body.map((v: { change: string }) => v.change)).toEqual(['rollback to 1', 'publish patrol', 'baseline: the departments of this repository']);
  } finally {
    load.running = false;
    await Promise.all(workers);
  }
  console.log(`registry: ${load.ok} requests answered under load during publish, refusals and rollback, ${load.failed.length} failed`);
  expect(load.failed).toEqual([]);
  expect(load.ok).toBeGreaterThan(20);
}, 240_000);

test('the conformance kit composes a candidate with the departments the registry serves now (check-department --registry)', async () => {
  // A second department declaring Query.patrols clashes with a published patrol: only the registry's set shows it.
  const copy = await startPatrol({ name: 'patrol-copy' });
  const composes = (results: CheckResult[]) => results.find((r) => r.name === 'composes with the current supergraph');
  try {
    expect(await registry('publish', { name: 'patrol', url: patrol.url, sdl: await sdlOf(patrol.url, 'patrol') })).toMatchObject({ status: 200 });
    const served = await registryServices(registryUrl, TOKEN);
    expect(served.map((s) => s.name).sort()).toEqual([...repositoryServices().map((s) => s.name), 'patrol'].sort());
    await expect(registryServices(registryUrl, 'wrong-token')).rejects.toThrow(/HTTP 401: registry token missing or wrong/);

    const againstRegistry = await runConformance({ url: copy.url, name: 'patrol-copy', current: served });
    expect(composes(againstRegistry)).toMatchObject({ outcome: 'fail', detail: expect.stringContaining('Query.patrols') });
    const againstRepository = await runConformance({ url: copy.url, name: 'patrol-copy', current: repositoryServices() });
    expect(composes(againstRepository)?.outcome).toBe('pass');

    const cli = promisify(execFile)('npx', ['tsx', 'scripts/check-department.ts', copy.url, '--name', 'patrol-copy', '--registry', registryUrl], {
      cwd: path.join(__dirname, '..'),
      env: { ...process.env, REGISTRY_TOKEN: TOKEN },
      timeout: 90_000,
    });
    await expect(cli).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringMatching(
        new RegExp(`^composing with the departments ${registryUrl} serves now: [^\\n]*patrol[^\\n]*\\n[\\s\\S]*FAIL {2}composes with the current supergraph`),
      ),
    });
  } finally {
    await copy.stop();
  }
}, 120_000);
