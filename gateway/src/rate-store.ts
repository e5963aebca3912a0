import { RateLimiterMemory, RateLimiterMongo, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { connectDatabase, connectRedis, departmentDbName, expireByField, logger } from '@cg/kit';
import type { Limits } from './limits';

/**
 * Where the per-caller rate limits are counted (RATE_LIMIT_STORE). `memory` counts in each process, so N gateway
 * replicas (or GATEWAY_WORKERS) would allow N times the limit: fine for one process in development and tests.
 * `redis` (REDIS_URL) and `mongodb` (RATE_LIMIT_MONGODB_URI, else MONGODB_URI; database `<prefix>_gateway`) are
 * rate-limiter-flexible's shared stores, counted once for every replica. Redis counts with one atomic script;
 * MongoDB with one `findOneAndUpdate` + `$inc`, atomic on MongoDB but not on FerretDB v1, which loses concurrent
 * increments (docs/production.md). While the shared store is unreachable each process limits on its own
 * (the library's insurance limiter) rather than refusing or admitting everyone.
 */
type RateStoreKind = 'memory' | 'redis' | 'mongodb';

const RATE_LIMIT_COLLECTION = 'rate_limits';

export interface RateStore {
  limiter: RateLimiterAbstract;
  close(): Promise<void>;
}

function rateStoreKind(env = process.env): RateStoreKind {
  const kind = (env.RATE_LIMIT_STORE ?? 'memory') as RateStoreKind;
  if (!['memory', 'redis', 'mongodb'].includes(kind)) throw new Error(`RATE_LIMIT_STORE must be memory, redis or mongodb, not "${kind}"`);
  return kind;
}

export async function createRateStore(limits: Pick<Limits, 'ratePoints' | 'rateWindowS'>, env = process.env): Promise<RateStore> {
  const options = { points: limits.ratePoints, duration: limits.rateWindowS };
  const memory = new RateLimiterMemory(options);
  const kind = rateStoreKind(env);
  if (kind === 'memory') {
    if (env.NODE_ENV === 'production') logger.warn('RATE_LIMIT_STORE=memory: each gateway process counts on its own; set redis or mongodb behind more than one');
    return { limiter: memory, close: async () => undefined };
  }
  if (kind === 'redis') {
    if (!env.REDIS_URL) throw new Error('RATE_LIMIT_STORE=redis needs REDIS_URL');
    const redis = await connectRedis(env.REDIS_URL);
    return { limiter: new RateLimiterRedis({ ...options, storeClient: redis, keyPrefix: 'cg:rate', insuranceLimiter: memory }), close: async () => void (await redis.quit()) };
  }
  const uri = env.RATE_LIMIT_MONGODB_URI ?? env.MONGODB_URI;
  if (!uri) throw new Error('RATE_LIMIT_STORE=mongodb needs RATE_LIMIT_MONGODB_URI or MONGODB_URI');
  const dbName = departmentDbName('gateway');
  const connection = await connectDatabase({ uri, dbName });
  const client = connection.getClient();
  // The library's own index creation fails as a whole on FerretDB (no TTL indexes), taking the unique key with it.
  const collection = client.db(dbName).collection(RATE_LIMIT_COLLECTION);
  await collection.createIndex({ key: 1 }, { unique: true });
  const stopPurge = await expireByField(collection, 'expire', limits.rateWindowS * 1000);
  const limiter = new RateLimiterMongo({ ...options, storeClient: client, dbName, tableName: RATE_LIMIT_COLLECTION, disableIndexesCreation: true, insuranceLimiter: memory });
  return { limiter, close: async () => (stopPurge(), await connection.close()) };
}
