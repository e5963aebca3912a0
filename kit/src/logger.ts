import pino, { type Logger } from 'pino';

/** Where log lines go: stdout, unless a test captures them (captureLogs). */
const sink = {
  target: pino.destination({ dest: 1, sync: false }) as { write(line: string): unknown },
  write(line: string) {
    return this.target.write(line);
  },
};

/**
 * JSON logs, one object a line, for the log shipper. `LOG_LEVEL` (default `info`; `silent` under jest unless set)
 * chooses how much; every line names the service, and request lines carry the gateway's `x-request-id`, so one
 * request can be followed through every department.
 */
export const logger: Logger = pino(
  {
    level: process.env.LOG_LEVEL ?? (process.env.JEST_WORKER_ID ? 'silent' : 'info'),
    base: { service: process.env.SERVICE ?? process.env.OTEL_SERVICE_NAME ?? 'cg', pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  },
  sink,
);

/** The logger for one request of one service (gateway or department). */
export const requestLogger = (service: string, requestId: string): Logger => logger.child({ service, requestId });

/** For tests: collects the parsed log lines (at `level`) until `restore()`. */
export function captureLogs(level = 'info'): { lines: Array<Record<string, unknown>>; restore(): void } {
  const previous = { target: sink.target, level: logger.level };
  const lines: Array<Record<string, unknown>> = [];
  sink.target = { write: (line: string) => lines.push(JSON.parse(line)) };
  logger.level = level;
  return {
    lines,
    restore: () => {
      sink.target = previous.target;
      logger.level = previous.level;
    },
  };
}
