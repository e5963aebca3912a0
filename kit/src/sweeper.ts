/**
 * A department's background round on a timer (credits to resend, overdue work to sweep): rounds never overlap, a
 * failed round is logged and the next one runs as usual, and the timer never keeps a process alive on its own.
 */
export function startSweeper(name: string, everyMs: number, round: () => Promise<unknown>, log: (message: string) => void = console.error) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const loop = () => {
    timer = setTimeout(() => {
      round()
        .catch((error: Error) => log(`${name}: ${error.message}`))
        .finally(() => !stopped && loop());
    }, everyMs);
    timer.unref();
  };
  loop();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
