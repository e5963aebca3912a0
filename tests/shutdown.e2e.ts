import { spawn } from 'node:child_process';
import path from 'node:path';
import { freePort, repoRoot, stableId } from '@cg/kit';
import { startDelayProxy } from './support/faults';
import { devAuthorization, postGraphQL, startStack, type Stack } from '@cg/kit/testing';

// The real gateway entry point (gateway/src/index.ts → runUntilSignalled) as a process of its own, sent SIGTERM
// while a request is in flight: it answers that request in full, refuses new connections, then exits 0.
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
}, 120_000);
afterAll(() => stack.stop());

test('SIGTERM drains the request in flight, then the process exits', async () => {
  const proxy = await startDelayProxy(stack.departments.employment!.url, 1500); // makes the in-flight request slow
  const port = await freePort();
  const env: Record<string, string> = { ...(process.env as Record<string, string>), PORT: String(port), EMPLOYMENT_TIMEOUT_MS: '5000' };
  for (const [name, d] of Object.entries(stack.departments)) env[`${name.toUpperCase().replace(/-/g, '_')}_URL`] = d.url;
  env.EMPLOYMENT_URL = proxy.url;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'gateway', 'src', 'index.ts')], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const url = `http://127.0.0.1:${port}/graphql`;
    for (let i = 0; i < 200 && !output.includes('ready at'); i++) await new Promise((r) => setTimeout(r, 100));
    expect(output).toContain('ready at');

    const residentId = stableId('resident', 'YHM0101000', 0);
    const inFlight = postGraphQL(url, `{ resident(id: "${residentId}") { household { fileNumber } employmentStatus { status } } }`, undefined, await devAuthorization());
    await new Promise((r) => setTimeout(r, 400));
    const signalled = Date.now();
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));

    // New connections are refused while the old request is still being answered.
    await expect(fetch(url.replace(/graphql$/, 'health/live'))).rejects.toThrow();
    const { status, body } = await inFlight;
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.resident.employmentStatus.status).toBeTruthy();
    expect(await exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(5000);
    expect(output).toMatch(/SIGTERM, draining/);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await proxy.stop();
  }
}, 60_000);
