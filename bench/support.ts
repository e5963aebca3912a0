import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ensureMongo, envName, freePort, listSubgraphs, repoRoot, type MongoHandle } from '@cg/kit';
import { startGateway } from '../gateway/src/server';
import { devAuthorization } from '@cg/kit/testing';

/** Shared by bench/fault-*.ts: a database for the run, response classification, the printed figures. */

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** MONGODB_URI, or an embedded server for this run; every fault run uses its own database prefix. */
export async function benchDatabase(name: string): Promise<MongoHandle> {
  process.env.MONGODB_DB_PREFIX = `bench_${name}_${process.pid}`;
  const mongo = await ensureMongo({ log: (line) => console.error(`[database] ${line}`) });
  process.env.MONGODB_URI = mongo.uri;
  return mongo;
}

export type Outcome = 'succeeded' | 'partial' | 'failed';

/** A GraphQL error as the benchmarks read it: its code and, from the gateway, the department that failed. */
export interface AnswerError {
  message?: string;
  extensions?: { code?: string; subgraph?: string };
}

/** A GraphQL response body; `Data` is the shape the query asks for. */
export interface Answer<Data = unknown> {
  data?: Data | null;
  errors?: AnswerError[];
}

/** succeeded: data, no errors; partial: data and errors; failed: no data, a non-200 status, or no answer. */
export function classify(status: number, body: { data?: unknown; errors?: unknown[] } | null): Outcome {
  if (status !== 200 || !body || body.data == null || Object.values(body.data as object).every((v) => v == null)) return 'failed';
  return body.errors?.length ? 'partial' : 'succeeded';
}

/** `HTTP 200 SUBGRAPH_TIMEOUT(employment)`: what a non-success answer was, for the printed cause counts. */
export function errorSummary(status: number, body: { errors?: AnswerError[] } | null): string {
  const codes = [...new Set((body?.errors ?? []).map((e) => `${e.extensions?.code}${e.extensions?.subgraph ? `(${e.extensions.subgraph})` : ''}`))];
  return `HTTP ${status || 'none'} ${codes.join(',')}`.trim();
}

let signedIn: Promise<Record<string, string>> | undefined;

/** POSTs as a civil-affairs clerk (people's fields need a signed-in caller) to a gateway built with the development keys. */
export async function post<Data = unknown>(url: string, query: string, variables?: Record<string, unknown>, timeoutMs = 15_000) {
  const authorization = await (signedIn ??= devAuthorization());
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authorization },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json().catch(() => null)) as Answer<Data> | null;
    return { status: response.status, body, ms: performance.now() - started };
  } catch {
    return { status: 0, body: null as Answer<Data> | null, ms: performance.now() - started };
  }
}

export class Tally {
  sent = 0;
  succeeded = 0;
  partial = 0;
  failed = 0;
  add(outcome: Outcome) {
    this.sent++;
    this[outcome]++;
  }
  toJSON() {
    return { sent: this.sent, succeeded: this.succeeded, partial: this.partial, failed: this.failed };
  }
}

/** The figures every fault run prints, one block, plus PASS/FAIL checks; exits 1 when a check failed. */
export function report(title: string, figures: Record<string, unknown>, checks: Array<[string, boolean]>): void {
  console.log(`\n=== ${title}`);
  for (const [key, value] of Object.entries(figures)) console.log(`  ${key.padEnd(38)} ${typeof value === 'object' ? JSON.stringify(value) : value}`);
  for (const [check, ok] of checks) console.log(`  ${ok ? 'PASS' : 'FAIL'} ${check}`);
  if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
}

/** Stops what a run started, in the order given (the gateway before the departments before the database). */
export async function stopAll(...running: Array<{ stop(): Promise<unknown> }>): Promise<void> {
  for (const each of running) await each.stop();
}

/** A benchmark's entry: exits when main is done (with the code its checks set), or prints the error and exits 1. */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/** A department as a process of its own (its real entry point), which a fault run can SIGKILL and start again. */
export async function spawnDepartment(name: string, port?: number, env: Record<string, string> = {}) {
  const entry = listSubgraphs().find((e) => e.name === name)!;
  const actualPort = port ?? (await freePort());
  const url = `http://127.0.0.1:${actualPort}/graphql`;
  let child: ChildProcess;
  const start = async () => {
    child = spawn(process.execPath, ['--import', 'tsx', path.join(entry.dir, 'src', 'index.ts')], {
      cwd: repoRoot,
      env: { ...process.env, ...env, PORT: String(actualPort) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    for (let i = 0; i < 300 && child.exitCode === null; i++) {
      if ((await fetch(url.replace(/graphql$/, 'health/ready')).catch(() => null))?.ok) return;
      await sleep(100);
    }
    child.kill('SIGKILL');
    throw new Error(`${name} did not become ready at ${url}`);
  };
  await start();
  return {
    url,
    /** The running process (changes after a kill and start). */
    get pid() {
      return child.pid!;
    },
    start,
    kill: () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGKILL')))),
    stop: () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')))),
  };
}

/** A gateway over the given department URLs (`<NAME>_URL` for the rest, as departments also read them). */
/** A gateway in front of `urls`; the per-caller rate limit is lifted, since every fault run loads as one caller. */
export async function benchGateway(urls: Record<string, string>) {
  for (const [name, url] of Object.entries(urls)) process.env[`${envName(name)}_URL`] = url;
  return startGateway({ urls, limits: { ratePoints: 1_000_000 } });
}

export const rssMb = () => Math.round(process.memoryUsage().rss / 1048576);
