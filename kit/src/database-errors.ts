import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import mongoose from 'mongoose';
import { ErrorCode } from './errors';

const { mongo } = mongoose;

/**
 * FerretDB answers InternalError (code 1) when the PostgreSQL behind it is down or restarting: a refused or broken
 * connection, or SQLSTATE class 08 (connection exception) or 57P01–57P03 (shutdown, crash, starting up).
 */
const STORAGE_DOWN = /failed to connect to|SQLSTATE (08\w{3}|57P0[1-3])|conn closed|unexpected EOF|connection reset by peer/;

/**
 * Driver errors that mean "the database cannot be reached right now", as opposed to a bad command or a
 * constraint violation. While the server is down the driver fails each command within a heartbeat
 * (ECONNREFUSED) or after serverSelectionTimeoutMS; either way the request must end with a typed error the
 * caller can retry on, not a stack trace or a driver message naming hosts and ports.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (
    let e = error as (Error & { cause?: unknown; reason?: unknown; hasErrorLabel?: (label: string) => boolean }) | undefined, depth = 0;
    e && depth < 5;
    e = (e.cause ?? e.reason) as typeof e, depth++
  ) {
    if (
      (e instanceof mongo.MongoServerError && e.code === 1 && STORAGE_DOWN.test(e.message)) ||
      e instanceof mongo.MongoNetworkError || // includes MongoNetworkTimeoutError
      e instanceof mongo.MongoServerSelectionError ||
      e instanceof mongo.MongoNotConnectedError ||
      e instanceof mongo.MongoTopologyClosedError ||
      e?.name === 'MongoPoolClearedError' ||
      e?.name === 'MongooseServerSelectionError' ||
      (typeof e?.hasErrorLabel === 'function' && e.hasErrorLabel('ResetPool'))
    ) {
      return true;
    }
  }
  return false;
}

export const databaseUnavailable = () =>
  new GraphQLError('The database is unavailable; retry later (with the same idempotencyKey for a create).', {
    extensions: { code: ErrorCode.DATABASE_UNAVAILABLE },
  });

/** Apollo `formatError`: replaces a driver connection error anywhere in a resolver with DATABASE_UNAVAILABLE. */
export function formatDatabaseError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (!isDatabaseUnavailable(unwrapResolverError(error))) return formatted;
  return { message: databaseUnavailable().message, locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.DATABASE_UNAVAILABLE } };
}
