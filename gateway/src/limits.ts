import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { ApolloServerOptions, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ErrorRequestHandler, NextFunction, Request, Response } from 'express';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { positiveFromEnv, type Identity } from '@cg/kit';

/**
 * Request limits at the gateway, every one configurable by environment: graphql-armor's depth, alias, directive and
 * cost limits and graphql-js' token limit (validation errors, HTTP 400), the body size, a per-caller rate limit (429), and the
 * production defaults: no introspection, no field suggestions, no stack traces.
 */
export interface Limits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  maxCost: number;
  bodyLimit: string;
  ratePoints: number;
  rateWindowS: number;
  introspection: boolean;
  blockFieldSuggestions: boolean;
  stackTraces: boolean;
}

const flag = (value: string | undefined, fallback: boolean) => (value === undefined ? fallback : ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()));

export function limitsFromEnv(env = process.env): Limits {
  const production = env.NODE_ENV === 'production';
  const num = (name: string, fallback: number) => positiveFromEnv(env, name, fallback);
  return {
    maxDepth: num('GRAPHQL_MAX_DEPTH', 15),
    maxAliases: num('GRAPHQL_MAX_ALIASES', 15),
    maxTokens: num('GRAPHQL_MAX_TOKENS', 2000),
    maxDirectives: num('GRAPHQL_MAX_DIRECTIVES', 20),
    maxCost: num('GRAPHQL_MAX_COST', 20000),
    bodyLimit: env.BODY_LIMIT ?? '1mb',
    ratePoints: num('RATE_LIMIT_POINTS', 600),
    rateWindowS: num('RATE_LIMIT_WINDOW_S', 60),
    introspection: flag(env.GRAPHQL_INTROSPECTION, !production),
    blockFieldSuggestions: flag(env.GRAPHQL_BLOCK_FIELD_SUGGESTIONS, production),
    stackTraces: flag(env.GRAPHQL_STACK_TRACES, !production),
  };
}

/** The Apollo Server options the limits translate to. */
export function apolloLimits(
  limits: Limits,
): Pick<
  ApolloServerOptions<BaseContext>,
  'plugins' | 'validationRules' | 'parseOptions' | 'allowBatchedHttpRequests' | 'includeStacktraceInErrorResponses' | 'introspection' | 'csrfPrevention'
> {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: limits.maxAliases },
    // graphql-js' own parser limit instead: armor's Apollo token plugin answers 500, the parser a 400 GRAPHQL_PARSE_FAILED.
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true, flattenFragments: true },
    blockFieldSuggestion: { enabled: limits.blockFieldSuggestions },
  });
  const { plugins, validationRules } = armor.protect();
  return {
    plugins: plugins as ApolloServerOptions<BaseContext>['plugins'],
    validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: limits.stackTraces,
    introspection: limits.introspection,
    // Refuses simple (form/GET) requests a browser could send cross-site without a preflight.
    csrfPrevention: true,
  };
}

/** One bucket per caller: the token's subject, or the client address when anonymous (store: gateway/src/rate-store.ts). */
export function rateLimit(limiter: RateLimiterAbstract) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const identity = res.locals.identity as Identity | null;
    const key = identity ? `sub:${identity.subject}` : `ip:${req.ip}`;
    try {
      await limiter.consume(key);
      next();
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) return next(rejection);
      const retryAfter = Math.ceil(rejection.msBeforeNext / 1000);
      res
        .status(429)
        .set('retry-after', String(retryAfter))
        .json({
          errors: [{ message: `too many requests; retry in ${retryAfter} s`, extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter } }],
        });
    }
  };
}

/** Body parser failures as GraphQL-shaped JSON (413 for a body over the limit) rather than Express's HTML page. */
export const jsonBodyErrors: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) return next(error);
  const status = Number(error?.status ?? error?.statusCode ?? 500);
  const code = error?.type === 'entity.too.large' ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
  const message = code === 'PAYLOAD_TOO_LARGE' ? 'the request body is larger than allowed' : status < 500 ? 'the request body is not valid JSON' : 'internal error';
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
};

/**
 * An operationName that names no operation in the document is the client's mistake (400), but the gateway's
 * planner throws it as a 500; answer it before planning (found by bench/fault-hostile.ts).
 */
export const unknownOperationIs400: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, request }) {
        if (operation) return;
        const message = request.operationName ? `Unknown operation named "${request.operationName}".` : 'Must provide an operation.';
        throw new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
      },
    };
  },
};
