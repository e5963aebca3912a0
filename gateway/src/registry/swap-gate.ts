import type { NextFunction, Request, Response } from 'express';

/**
 * Swapping the supergraph (Apollo Gateway's `update`: schema and query planner rebuilt) holds the event loop for a
 * few seconds on a large graph. Requests caught in the middle would see their timers fire late and time their
 * departments out. So a swap waits for the requests in flight to finish while new ones queue here — their deadlines
 * have not started — then runs, then lets the queue through: requests are delayed, never failed.
 */
export class SwapGate {
  private inFlight = 0;
  private closed: Promise<void> | null = null;
  private drained: (() => void) | null = null;

  readonly middleware = async (_req: Request, res: Response, next: NextFunction) => {
    while (this.closed) await this.closed;
    this.inFlight++;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      this.inFlight--;
      if (this.inFlight === 0) this.drained?.();
    };
    res.once('finish', finish);
    res.once('close', finish);
    next();
  };

  /** Runs `swap` with no request in flight (or after `maxWaitMs`, should one hang), new requests held meanwhile. */
  async exclusive(swap: () => void, maxWaitMs = 10_000): Promise<void> {
    let open!: () => void;
    this.closed = new Promise((resolve) => (open = resolve));
    try {
      if (this.inFlight > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, maxWaitMs);
          this.drained = () => (clearTimeout(timer), resolve());
        });
      }
      swap();
    } finally {
      this.drained = null;
      this.closed = null;
      open();
    }
  }
}
