import pino, { type Logger } from 'pino';

/**
 * JSON logs, one object a line, for the log shipper. `LOG_LEVEL` (default `info`; `silent` under jest unless set)
 * chooses how much; every line names the service, and request lines carry the gateway's `x-request-id`, so one
 * request can be followed through every department.
 */
export const logger: Logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.JEST_WORKER_ID ? 'silent' : 'info'),
  base: { service: process.env.SERVICE ?? process.env.OTEL_SERVICE_NAME ?? 'cg', pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});

/** The logger for one request of one service (gateway or department). */
export const requestLogger = (service: string, requestId: string): Logger => logger.child({ service, requestId });
