import { Redis } from 'ioredis';
import type { Connection, mongo } from 'mongoose';
import { isDuplicateKey } from './idempotency';
import { logger } from './logger';
import { connectDatabase } from './mongo';

/**
 * State that every replica of a process must agree on lives in a shared store, never in one process's memory:
 * a department's replay cache (its own database, or Redis when `REDIS_URL` is set) and the gateway's rate limits
 * (gateway/src/rate-store.ts). Audit records, idempotency keys and locks were already in the databases.
 */

/**
 * ioredis with the options shared state needs: a command fails at once while Redis is unreachable (instead of
 * queueing in memory), and the client reconnects by itself.
 */
export async function connectRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true, connectTimeout: 2000 });
  redis.on('error', (error) => logger.warn({ err: error.message }, 'redis connection error'));
  await redis.connect();
  return redis;
}

const NOT_IMPLEMENTED = 238; // FerretDB v1: "Index option expireAfterSeconds is not implemented yet"

/**
 * Documents whose `field` (a Date) has passed are removed: by a TTL index on MongoDB, or, where the server has no
 * TTL indexes (FerretDB v1), by a `deleteMany` every `everyMs`. Returns the stop function of the schedule.
 */
export async function expireByField<T extends mongo.Document>(collection: mongo.Collection<T>, field: string, everyMs: number): Promise<() => void> {
  try {
    await collection.createIndex({ [field]: 1 }, { expireAfterSeconds: 0 });
    return () => undefined;
  } catch (error) {
    if ((error as { code?: number }).code !== NOT_IMPLEMENTED) throw error;
  }
  const purge = () =>
    collection
      .deleteMany({ [field]: { $lt: new Date() } } as mongo.Filter<T>)
      .catch((error) => logger.warn({ err: (error as Error).message, collection: collection.collectionName }, 'purge of expired documents failed'));
  const timer = setInterval(() => void purge(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** The nonces of signed requests a department accepted, shared by all its replicas. */
export interface NonceStore {
  readonly kind: 'database' | 'redis';
  /** True the first time `nonce` is claimed; false when any replica already accepted it (a replay). */
  claim(nonce: string, expiresAt: number): Promise<boolean>;
  close(): Promise<void>;
}

export const NONCE_COLLECTION = 'signed_nonces';

/**
 * In the department's own database: the nonce is the `_id`, so a second insert fails on the unique index on every
 * replica at once (atomic on MongoDB and FerretDB alike). Its own connection: the replay check does not queue
 * behind the department's reads, and the department's command counts stay about its data.
 */
export async function databaseNonceStore(uri: string, dbName: string, purgeEveryMs: number): Promise<NonceStore> {
  const connection: Connection = await connectDatabase({ uri, dbName });
  const nonces = connection.getClient().db(dbName).collection<{ _id: string; expiresAt: Date }>(NONCE_COLLECTION);
  const stopPurge = await expireByField(nonces, 'expiresAt', purgeEveryMs);
  return {
    kind: 'database',
    async claim(nonce, expiresAt) {
      try {
        await nonces.insertOne({ _id: nonce, expiresAt: new Date(expiresAt) });
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    },
    close: async () => (stopPurge(), await connection.close()),
  };
}

/** In Redis: `SET key NX PX` is atomic, and the key expires by itself. */
export async function redisNonceStore(url: string, department: string): Promise<NonceStore> {
  const redis = await connectRedis(url);
  return {
    kind: 'redis',
    async claim(nonce, expiresAt) {
      const ttl = Math.max(1, expiresAt - Date.now());
      return (await redis.set(`cg:nonce:${department}:${nonce}`, '1', 'PX', ttl, 'NX')) === 'OK';
    },
    close: async () => void (await redis.quit()),
  };
}

/** Redis when `REDIS_URL` is set, else the department's database. */
export function nonceStoreFromEnv(department: string, database: { uri: string; dbName: string }, purgeEveryMs: number, env = process.env): Promise<NonceStore> {
  return env.REDIS_URL ? redisNonceStore(env.REDIS_URL, department) : databaseNonceStore(database.uri, database.dbName, purgeEveryMs);
}
