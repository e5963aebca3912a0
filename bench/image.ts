/**
 * `npm run bench:image`: the image's runtime tree (scripts/build.ts + `npm ci --omit=dev`, as the Dockerfile's
 * second stage) measured where Docker cannot run: its size on disk, and each process's cold start (spawn → GET
 * /health/ready answers 200) and idle RSS, compiled with plain `node` against the same entry point under tsx.
 * The base image (node:24-bookworm-slim) is not counted: it cannot be pulled here.
 */
import { execFileSync, spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { ensureMongo, envName, freePort, listSubgraphs, repoRoot } from '@cg/kit';
import { buildRuntime, installProduction } from '../scripts/build';
import { runBench, sleep } from './support';

const RUNS = 3;
const out = path.join(repoRoot, 'build', 'app');
const du = (dir: string) => Number(execFileSync('du', ['-sk', dir], { encoding: 'utf8' }).split('\t')[0]) / 1024;

/** Milliseconds from spawn until ready, and RSS once ready. */
async function coldStart(cwd: string, args: string[], env: Record<string, string>): Promise<{ ms: number; rssMb: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
      if ((await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => null))?.ok) break;
      await sleep(20);
    }
    const ms = performance.now() - started;
    const rssMb = Number(/VmRSS:\s+(\d+)/.exec(execFileSync('cat', [`/proc/${child.pid}/status`], { encoding: 'utf8' }))![1]) / 1024;
    return { ms: Math.round(ms), rssMb: Math.round(rssMb) };
  } finally {
    await new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')));
  }
}

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  let started = performance.now();
  const { files } = await buildRuntime(out);
  const compileMs = Math.round(performance.now() - started);
  started = performance.now();
  installProduction(out);
  const installS = Math.round((performance.now() - started) / 100) / 10;
  const mongo = await ensureMongo({ log: () => undefined });
  // The gateway needs one ready department; every process gets the URLs, as peers do.
  const civilPort = await freePort();
  const env: Record<string, string> = { MONGODB_URI: mongo.uri, MONGODB_DB_PREFIX: 'bench_image' };
  for (const s of listSubgraphs()) env[`${envName(s.name)}_URL`] = s.name === 'civil-affairs' ? `http://127.0.0.1:${civilPort}/graphql` : 'http://127.0.0.1:9/graphql';
  const civil = spawn(process.execPath, ['subgraphs/civil-affairs/src/index.js'], {
    cwd: out,
    env: { ...process.env, ...env, PORT: String(civilPort), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  const rows: Record<string, unknown>[] = [];
  try {
    for (const service of [...listSubgraphs().map((s) => s.name), 'gateway']) {
      const entry = service === 'gateway' ? 'gateway/src/index' : `subgraphs/${service}/src/index`;
      const compiled: Array<{ ms: number; rssMb: number }> = [];
      const tsx: Array<{ ms: number; rssMb: number }> = [];
      for (let i = 0; i < RUNS; i++) {
        compiled.push(await coldStart(out, [`${entry}.js`], env));
        tsx.push(await coldStart(repoRoot, ['--import', 'tsx', `${entry}.ts`], env));
      }
      rows.push({
        service,
        'compiled: ready after (ms)': median(compiled.map((r) => r.ms)),
        'tsx: ready after (ms)': median(tsx.map((r) => r.ms)),
        'compiled: idle RSS (MB)': median(compiled.map((r) => r.rssMb)),
        'tsx: idle RSS (MB)': median(tsx.map((r) => r.rssMb)),
      });
    }
  } finally {
    civil.kill('SIGTERM');
    await mongo.stop();
  }
  console.log(`\n=== the image's runtime tree (${os.availableParallelism()} CPUs, load average ${os.loadavg()[0]!.toFixed(1)}; median of ${RUNS} starts)`);
  console.log(`  compiled ${files} files in ${compileMs} ms; npm ci --omit=dev in ${installS} s`);
  console.log(
    `  size: ${Math.round(du(out))} MB in all, of which node_modules ${Math.round(du(path.join(out, 'node_modules')))} MB (plus the node:24-bookworm-slim base, not measurable here)`,
  );
  console.table(rows);
}

runBench(main);
