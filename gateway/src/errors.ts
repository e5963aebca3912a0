import type { ErrorRequestHandler } from 'express';
import type { GraphQLFormattedError } from 'graphql';

const INTERNAL_EXTENSIONS = ['stacktrace', 'exception', 'response'];
const URL_PATTERN = /\b(?:https?|mongodb(?:\+srv)?):\/\/[^\s"')]+/gi;

/**
 * The gateway's `formatError`: whatever a department or the gateway itself produced, the client never sees a
 * department's URL, a response body, or a stack trace (docs/reliability.md).
 */
export function formatGatewayError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const extensions = formatted.extensions ? { ...formatted.extensions } : undefined;
  for (const key of INTERNAL_EXTENSIONS) delete extensions?.[key];
  return { ...formatted, message: formatted.message.replace(URL_PATTERN, '[internal]'), ...(extensions ? { extensions } : {}) };
}

/**
 * Body-parser failures (malformed JSON, an oversized body, a bad charset) answered as GraphQL-shaped 4xx JSON
 * instead of Express's default HTML page with a stack trace; anything else is a 500 without details.
 */
export const httpErrorHandler: ErrorRequestHandler = (error, _req, res, _next) => {
  const status = Number(error?.status ?? error?.statusCode ?? 500);
  const clientError = status >= 400 && status < 500;
  res.status(clientError ? status : 500).json({
    errors: [
      {
        message: clientError ? 'The request body could not be read as a GraphQL request.' : 'Internal error.',
        extensions: { code: clientError ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' },
      },
    ],
  });
};
