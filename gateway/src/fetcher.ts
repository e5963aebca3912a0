import { request } from 'undici';
import { envName } from '@cg/kit';
import { breakerState, createBreaker, type BreakerState } from './breaker';

/**
 * The gateway's HTTP client for one department: a timeout per attempt (abort signal), the caller's overall request
 * deadline, a circuit breaker, and bounded retries of reads. Stock @apollo/gateway has none of these.
 */

/** One HTTP POST of a GraphQL body (what the gateway signs, and the breaker and retries wrap). */
export type Post = (url: string, init: { headers: Record<string, string>; body: string; signal: AbortSignal }) => Promise<{ status: number; text(): Promise<string> }>;

/**
 * undici's `request` (Node's own HTTP client, the engine under its `fetch`): the body goes out in the same write as
 * the headers and the answer is read as one string, where `fetch` adds WHATWG Request/Response/stream objects per
 * call and writes the body apart (profiled: docs/benchmarks.md). Keep-alive connections are pooled per department.
 */
export const httpPost: Post = async (url, { headers, body, signal }) => {
  const response = await request(url, { method: 'POST', headers, body, signal });
  return { status: response.statusCode, text: () => response.body.text() };
};

export interface SubgraphPolicy {
  timeoutMs: number;
  /** Extra attempts after a refused/reset connection or a 5xx; reads only. */
  retries: number;
}

const DEFAULT_SUBGRAPH_TIMEOUT_MS = 2500;

/** `<NAME>_TIMEOUT_MS` (e.g. EMPLOYMENT_TIMEOUT_MS), else SUBGRAPH_TIMEOUT_MS, else 2.5 s; SUBGRAPH_RETRIES (1). */
function subgraphPolicy(name: string, env = process.env): SubgraphPolicy {
  return {
    timeoutMs: Number(env[`${envName(name)}_TIMEOUT_MS`] ?? env.SUBGRAPH_TIMEOUT_MS ?? DEFAULT_SUBGRAPH_TIMEOUT_MS),
    retries: Number(env.SUBGRAPH_RETRIES ?? 1),
  };
}

/**
 * GATEWAY_REQUEST_TIMEOUT_MS (default 8 s): the whole request's budget. It must exceed every department's timeout
 * (plus a retry), or a healthy-but-slow department could never answer; a smaller value is raised to that.
 */
export function requestTimeoutMs(names: string[], env = process.env): number {
  const floor = Math.max(0, ...names.map((n) => subgraphPolicy(n, env).timeoutMs)) + 500;
  return Math.max(Number(env.GATEWAY_REQUEST_TIMEOUT_MS ?? 8000), floor);
}

/** What the data source knows about the current fetch. */
interface FetchScope {
  /** Aborts when the incoming request's overall budget is spent. */
  deadline?: AbortSignal;
  /** Only reads are retried: a mutation whose answer was lost may have been applied. */
  retryable: boolean;
}

export type FailureReason = 'timeout' | 'unavailable' | 'circuit-open' | 'deadline';

/** Why a department did not answer. Carries no URL and no response body: those never reach clients. */
export class SubgraphFailure extends Error {
  constructor(
    readonly subgraph: string,
    readonly reason: FailureReason,
    readonly status?: number,
  ) {
    super(`${subgraph}: ${reason}${status ? ` (HTTP ${status})` : ''}`);
    this.name = 'SubgraphFailure';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A department's answer: its HTTP status (below 500) and body. */
interface Reply {
  status: number;
  text: string;
}

export interface SubgraphFetcher {
  post(url: string, headers: Record<string, string>, body: string, scope: FetchScope): Promise<Reply>;
  state(): BreakerState;
  shutdown(): void;
}

export function createSubgraphFetcher(name: string, policy: SubgraphPolicy = subgraphPolicy(name), base: Post = httpPost): SubgraphFetcher {
  const attempt = async (url: string, headers: Record<string, string>, body: string, deadline: AbortSignal | undefined): Promise<Reply> => {
    if (deadline?.aborted) throw new SubgraphFailure(name, 'deadline');
    // A timer cleared when the attempt ends, not AbortSignal.timeout/any: those stay alive for the whole timeout
    // after the answer came (a 60 s heap run grew by every request's signals until they expired).
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => ((timedOut = true), controller.abort()), policy.timeoutMs);
    const onDeadline = () => controller.abort();
    deadline?.addEventListener('abort', onDeadline, { once: true });
    try {
      const response = await base(url, { headers, body, signal: controller.signal });
      const text = await response.text();
      // A 5xx (a proxy's 502, a department's crash) counts against the department; its body is dropped.
      if (response.status >= 500) throw new SubgraphFailure(name, 'unavailable', response.status);
      return { status: response.status, text };
    } catch (error) {
      if (error instanceof SubgraphFailure) throw error;
      if (deadline?.aborted) throw new SubgraphFailure(name, 'deadline');
      throw new SubgraphFailure(name, timedOut ? 'timeout' : 'unavailable');
    } finally {
      clearTimeout(timer);
      deadline?.removeEventListener('abort', onDeadline);
    }
  };
  // The request's own deadline is the caller running out of time, not the department failing.
  const breaker = createBreaker(name, attempt, (error) => !(error instanceof SubgraphFailure && error.reason === 'deadline'));

  const post = async (url: string, headers: Record<string, string>, body: string, scope: FetchScope) => {
    for (let tries = 0; ; tries++) {
      try {
        return await breaker.fire(url, headers, body, scope.deadline);
      } catch (error) {
        if ((error as { code?: string }).code === 'EOPENBREAKER') throw new SubgraphFailure(name, 'circuit-open');
        const again = scope.retryable && tries < policy.retries && error instanceof SubgraphFailure && error.reason === 'unavailable';
        if (!again || scope.deadline?.aborted) throw error;
        await sleep(50 + Math.random() * 100); // jittered, so retries from many requests do not arrive together
      }
    }
  };
  return { post, state: () => breakerState(breaker), shutdown: () => breaker.shutdown() };
}
