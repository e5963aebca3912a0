import CircuitBreaker from 'opossum';

/**
 * One circuit breaker per department (opossum). When most recent calls to a department failed, the breaker opens
 * and further calls fail at once (a dead department costs callers microseconds, not the full timeout); after
 * BREAKER_RESET_MS one trial call goes through and, if it succeeds, traffic resumes.
 */
export interface BreakerConfig {
  /** Percentage of failed calls in the rolling window that opens the breaker. */
  errorThresholdPercentage: number;
  /** Calls needed in the window before the percentage counts (so one stray failure does not open it). */
  volumeThreshold: number;
  /** How long the breaker stays open before letting a trial call through. */
  resetTimeout: number;
  /** Length of the rolling statistics window. */
  rollingCountTimeout: number;
}

function breakerConfig(env = process.env): BreakerConfig {
  return {
    errorThresholdPercentage: Number(env.BREAKER_ERROR_PERCENT ?? 50),
    volumeThreshold: Number(env.BREAKER_VOLUME_THRESHOLD ?? 5),
    resetTimeout: Number(env.BREAKER_RESET_MS ?? 2000),
    rollingCountTimeout: Number(env.BREAKER_WINDOW_MS ?? 10_000),
  };
}

export type BreakerState = 'closed' | 'open' | 'half-open';

export const breakerState = (breaker: CircuitBreaker): BreakerState => (breaker.opened ? 'open' : breaker.halfOpen ? 'half-open' : 'closed');

/** Errors for which `countsAsFailure` returns false (a 4xx, the caller's own deadline) leave the breaker alone. */
export function createBreaker<A extends unknown[], R>(
  name: string,
  action: (...args: A) => Promise<R>,
  countsAsFailure: (error: unknown) => boolean,
  config: BreakerConfig = breakerConfig(),
): CircuitBreaker<A, R> {
  return new CircuitBreaker(action, {
    name,
    // Timeouts are enforced by the fetcher's abort signal, which also cancels the socket; opossum's own timer would not.
    timeout: false,
    errorFilter: (error: unknown) => !countsAsFailure(error),
    ...config,
  });
}
