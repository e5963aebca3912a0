import { GraphQLError } from 'graphql';

/** Every error a client can act on carries one of these codes in `extensions.code`. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  CONFLICT: 'CONFLICT',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  /** Another department this one had to ask did not answer in time. */
  DEPENDENCY_UNAVAILABLE: 'DEPENDENCY_UNAVAILABLE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export function typedError(code: ErrorCode, message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

export const badInput = (message: string, details?: Record<string, unknown>) => typedError(ErrorCode.BAD_USER_INPUT, message, details);
/** NOT_FOUND for `what` with `id`; `field` names the input that referred to it, when one did. */
export const notFound = (what: string, id: string, field?: string) => typedError(ErrorCode.NOT_FOUND, `${what} ${id} does not exist`, field === undefined ? { id } : { id, field });
export const conflict = (message: string, details?: Record<string, unknown>) => typedError(ErrorCode.CONFLICT, message, details);
