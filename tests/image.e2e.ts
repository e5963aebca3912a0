import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { envName, freePort, listSubgraphs, repoRoot, stableId } from '@cg/kit';
import { exportJWK, generateKeyPair } from 'jose';
import { DEMO_IDENTITIES, mintToken } from '@cg/gateway/auth';
import { buildRuntime, installProduction } from '../scripts/build';
import { seedWorld, dropDatabases } from '@cg/kit/testing';

// The image's runtime tree (scripts/build.ts, as the Dockerfile's second stage has it: compiled JavaScript and
// `npm ci --omit=dev`), run the way its CMD runs it: plain `node`, NODE_ENV=production, configured secrets and keys.
// Docker itself is not needed: this is everything the image does but the copy.
const out = mkdtempSync(path.join(os.tmpdir(), 'cg-image-'));
const children: ChildProcess[] = [];
const { PATH: systemPath = '/usr/bin:/bin' } = process.env;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function run(entry: string, env: Record<string, string>): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', './kit/src/tracing.js', entry], {
    cwd: out,
    // Nothing of the development environment (no tsx loader, no NODE_OPTIONS): the system's search path only.
    env: { PATH: systemPath, NODE_ENV: 'production', HOST: '127.0.0.1', LOG_LEVEL: 'warn', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    if ((await fetch(`${url}/health/ready`).catch(() => null))?.ok) return url;
    await sleep(100);
  }
  throw new Error(`${entry} did not become ready (exit code ${child.exitCode})`);
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (name === 'node_modules' ? [] : statSync(path.join(dir, name)).isDirectory() ? files(path.join(dir, name)) : [path.join(dir, name)]));
}

beforeAll(async () => {
  await buildRuntime(out);
  installProduction(out);
  await seedWorld(process.env.MONGODB_URI!, 'small', process.env.MONGODB_DB_PREFIX);
}, 300_000);
afterAll(async () => {
  await Promise.all(children.map((c) => new Promise((resolve) => (c.exitCode !== null ? resolve(null) : (c.once('exit', resolve), c.kill('SIGTERM'))))));
  rmSync(out, { recursive: true, force: true });
  await dropDatabases();
});

test('the runtime tree is JavaScript with production dependencies only', () => {
  const shipped = files(out).map((f) => path.relative(out, f));
  expect(shipped.filter((f) => f.endsWith('.ts'))).toEqual([]);
  for (const entry of ['gateway/src/index.js', 'kit/src/tracing.js', ...listSubgraphs().map((s) => `subgraphs/${s.name}/src/index.js`)]) expect(shipped).toContain(entry);
  const lock = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')).packages as Record<string, { dev?: boolean }>;
  const devOnly = Object.keys(JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).devDependencies).filter((name) => lock[`node_modules/${name}`]?.dev);
  expect(devOnly).toEqual(expect.arrayContaining(['tsx', 'typescript', 'jest']));
  expect(devOnly.filter((name) => existsSync(path.join(out, 'node_modules', name)))).toEqual([]);
});

test('a department and the gateway start with plain node and answer a signed-in query', async () => {
  const secrets = Object.fromEntries(listSubgraphs().map((s) => [`${envName(s.name)}_HMAC_SECRET`, `image-test-secret-${s.name}-`.padEnd(40, 'x')]));
  const database = { MONGODB_URI: process.env.MONGODB_URI!, MONGODB_DB_PREFIX: process.env.MONGODB_DB_PREFIX! };
  const civil = await run('subgraphs/civil-affairs/src/index.js', { ...secrets, ...database, SERVICE: 'civil-affairs' });
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), alg: 'ES256', kid: 'image' }] };
  const urls = Object.fromEntries(listSubgraphs().map((s) => [`${envName(s.name)}_URL`, s.name === 'civil-affairs' ? `${civil}/graphql` : 'http://127.0.0.1:9/graphql']));
  const gateway = await run('gateway/src/index.js', { ...secrets, ...urls, SERVICE: 'gateway', AUTH_ISSUER: 'cg-image-test', AUTH_PUBLIC_KEYS: JSON.stringify(jwks) });

  const token = await mintToken(DEMO_IDENTITIES['civil-affairs-clerk']!, { ...(await exportJWK(privateKey)), alg: 'ES256', kid: 'image' }, { issuer: 'cg-image-test' });
  const id = stableId('resident', 'YHM0101000', 0);
  const response = await fetch(`${gateway}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: `{ resident(id: "${id}") { id household { fileNumber } } }` }),
  });
  expect(await response.json()).toEqual({ data: { resident: { id, household: { fileNumber: 'YHM0101000' } } } });
  const forged = await fetch(`${gateway}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token.slice(0, -4)}AAAA` },
    body: '{"query":"{ __typename }"}',
  });
  expect(forged.status).toBe(401);
});
