import autocannon from 'autocannon';
import { AUDIT_COLLECTION } from '@cg/kit';

/**
 * One bounded load run with autocannon (a maintained HTTP load generator: keep-alive connections, pipelining off,
 * per-request hooks to sign or chain requests) and the per-request counters the departments publish on /metrics.
 */

/** What a connection carries from one request to the next: the entity a chain of mutations works on. */
interface LoadContext {
  id?: string;
  version?: number;
}

/** A GraphQL response body, as parsed from the answer. */
export interface LoadAnswer {
  data?: Record<string, unknown> | null;
  errors?: unknown[];
}

export interface LoadRequest {
  /** Called before each request on a connection; `context` lives as long as the connection (chained mutations). */
  setup(context: LoadContext): { headers: Record<string, string>; body: string };
  /** Sees each answer (to chain the next request); return false to count it as failed. */
  check?(body: LoadAnswer, context: LoadContext): boolean;
}

export interface LoadResult {
  requests: number;
  failed: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN);

/** Runs `sequence` (cycled per connection) against `url` for `seconds`, at most `maxRequests` in all. */
export async function runLoad(
  url: string,
  sequence: LoadRequest[],
  { seconds, connections, maxRequests = 100_000 }: { seconds: number; connections: number; maxRequests?: number },
): Promise<LoadResult> {
  const latencies: number[] = [];
  let failed = 0;
  const instance = autocannon({
    url,
    method: 'POST',
    connections,
    duration: seconds,
    amount: undefined,
    timeout: 60,
    requests: sequence.map((step): autocannon.Request => ({
      method: 'POST',
      setupRequest: (request: autocannon.Request, context: LoadContext) => {
        const { headers, body } = step.setup(context);
        return { ...request, method: 'POST', path: new URL(url).pathname, headers: { 'content-type': 'application/json', ...headers }, body };
      },
      onResponse: (status: number, body: string, context: LoadContext) => {
        let parsed: LoadAnswer | null = null;
        try {
          parsed = JSON.parse(body) as LoadAnswer;
        } catch {
          // counted below
        }
        const ok = status === 200 && parsed?.data != null && !parsed.errors?.length && (step.check?.(parsed, context) ?? true);
        if (!ok) {
          failed++;
          if (failed <= 3) console.error(`  [failed answer] HTTP ${status} ${body.slice(0, 300)}`);
        }
      },
    })),
  } as autocannon.Options) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    if (latencies.length >= maxRequests) instance.stop();
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const elapsed = (result.finish.getTime() - result.start.getTime()) / 1000;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    requests: latencies.length,
    failed,
    rps: round(latencies.length / elapsed),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
  };
}

/** Sum of a counter over every series whose labels contain `match`, from Prometheus text. */
function sumCounter(text: string, name: string, match: (labels: string) => boolean = () => true): number {
  let total = 0;
  for (const line of text.split('\n')) {
    const m = new RegExp(`^${name}\\{([^}]*)\\} ([0-9.e+]+)$`).exec(line);
    if (m && match(m[1]!)) total += Number(m[2]);
  }
  return total;
}

/** Operations each department answered and commands it sent to its database, by department. */
export async function departmentCounters(urls: Record<string, string>) {
  const out: Record<string, { fetches: number; commands: number }> = {};
  for (const [name, url] of Object.entries(urls)) {
    const text = await (await fetch(url.replace(/graphql$/, 'metrics'))).text();
    out[name] = {
      fetches: sumCounter(text, 'graphql_requests_total'),
      // Audit records are the access trail, not a read of the answer; they are counted apart in docs/benchmarks.md.
      commands: sumCounter(text, 'database_commands_total', (labels) => !labels.includes(`collection="${AUDIT_COLLECTION}"`)),
    };
  }
  return out;
}

export type Counters = Awaited<ReturnType<typeof departmentCounters>>;

/** Per-request figures between two snapshots: fetches and commands in all, and by department (`party 2/3`). */
export function perRequest(before: Counters, after: Counters, requests: number) {
  const per = (n: number) => Math.round((n / Math.max(1, requests)) * 10) / 10;
  let fetches = 0;
  let commands = 0;
  const parts: string[] = [];
  for (const name of Object.keys(after)) {
    const f = after[name]!.fetches - before[name]!.fetches;
    const c = after[name]!.commands - before[name]!.commands;
    fetches += f;
    commands += c;
    if (f || c) parts.push(`${name} ${per(f)}/${per(c)}`);
  }
  return { fetches: per(fetches), commands: per(commands), byDepartment: parts.join(', ') };
}
