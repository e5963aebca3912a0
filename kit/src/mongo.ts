import type { AnyModel } from './model';
import { isDeepStrictEqual } from 'node:util';
import mongoose, { type Connection, type mongo } from 'mongoose';

// Refuse operator injection (`{ "$ne": null }` where a value belongs) and unknown filter paths everywhere.
// Operator objects the code builds itself are marked with `mongoose.trusted()`.
mongoose.set('sanitizeFilter', true);
mongoose.set('strictQuery', 'throw');

export const trusted = <T>(filter: T): T => mongoose.trusted(filter) as T;

/**
 * How many documents match `filter`, by the `count` command: the embedded FerretDB (scripts/ferretdb/) counts in
 * SQL when its equalities cover the whole filter, where countDocuments' aggregate reads every matching document;
 * MongoDB answers an unfiltered count from collection metadata. The filter is sanitized and cast as find's is.
 */
export async function countMatching(model: AnyModel, filter: Record<string, unknown>): Promise<number> {
  const query = model.find(mongoose.sanitizeFilter({ ...filter }));
  const cast = query.cast();
  // The embedded FerretDB v1's `count` finds nothing on a path into an array of subdocuments (`tasks.unitId`), where
  // its `find` and aggregation `$match` do: such a filter is counted by the aggregation.
  if (hasPath(cast)) {
    const [row] = await model.aggregate<{ n: number }>([{ $match: cast }, { $count: 'n' }]);
    return row?.n ?? 0;
  }
  const reply = await model.db.db!.command({ count: model.collection.collectionName, query: cast });
  return reply.n as number;
}

/** Whether a filter (or one of its `$and`/`$or` branches) names a dotted path. */
function hasPath(filter: Record<string, unknown>): boolean {
  return Object.entries(filter).some(([key, value]) =>
    key === '$and' || key === '$or' ? Array.isArray(value) && value.some((branch) => hasPath(branch as Record<string, unknown>)) : key.includes('.'),
  );
}

/** One database per department: `cg_civil_affairs`, `cg_party`, … (prefix from `MONGODB_DB_PREFIX`). */
export function departmentDbName(name: string, prefix = process.env.MONGODB_DB_PREFIX ?? 'cg'): string {
  return `${prefix}_${name.replace(/[^a-zA-Z0-9]/g, '_')}`;
}

export interface ConnectOptions {
  uri: string;
  dbName: string;
}

/**
 * A connection to one department's database. The first connect waits up to MONGODB_CONNECT_TIMEOUT_MS (10 s) for a
 * database that is starting or busy, asking again every quarter second; once connected, each command waits only
 * MONGODB_SERVER_SELECTION_TIMEOUT_MS for a server the driver has lost.
 */
export async function connectDatabase({ uri, dbName }: ConnectOptions): Promise<Connection> {
  const started = Date.now();
  const budget = Number(process.env.MONGODB_CONNECT_TIMEOUT_MS ?? 10_000);
  for (;;) {
    const connection = mongoose.createConnection(uri, connectionOptions(dbName));
    try {
      await connection.asPromise();
      return connection;
    } catch (error) {
      await connection.close().catch(() => undefined);
      if (!(error instanceof mongoose.Error.MongooseServerSelectionError) || Date.now() - started >= budget) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

const connectionOptions = (dbName: string): mongoose.ConnectOptions => ({
  dbName,
  // Command monitoring lets tests and benchmarks count what each request sends to the database.
  monitorCommands: true,
  // Fail at once while the database is unreachable instead of queueing commands for 10 s.
  bufferCommands: false,
  // Once the driver has seen the server go away, each command waits this long for it before DATABASE_UNAVAILABLE:
  // short enough to answer well inside the gateway's per-department timeout (docs/reliability.md).
  serverSelectionTimeoutMS: Number(process.env.MONGODB_SERVER_SELECTION_TIMEOUT_MS ?? 1000),
  // Reliability (docs/reliability.md): an acknowledged write survives a primary failover and a crash.
  // FerretDB v1 accepts and ignores any write concern; MongoDB (standalone or replica set) honours it.
  writeConcern: { w: (process.env.MONGODB_WRITE_CONCERN ?? 'majority') as 'majority', journal: process.env.MONGODB_JOURNAL !== 'false' },
  // A server that stops answering (not refusing) must not hold a request forever.
  socketTimeoutMS: Number(process.env.MONGODB_SOCKET_TIMEOUT_MS ?? 30_000),
});

export interface ObservedCommand {
  name: string;
  collection: string;
  command: mongo.Document;
}

const IGNORED_COMMANDS = new Set(['hello', 'isMaster', 'ismaster', 'ping', 'endSessions', 'buildInfo', 'saslStart', 'saslContinue']);

/** Calls `listener` for every command the driver sends on this connection (handshake-style noise excluded). */
export function onCommand(connection: Connection, listener: (command: ObservedCommand) => void): () => void {
  const handler = (event: { commandName: string; command: Record<string, unknown> }) => {
    if (IGNORED_COMMANDS.has(event.commandName)) return;
    // getMore continues a cursor: it names its collection in `collection`, not under the command name.
    const collection = event.commandName === 'getMore' ? event.command.collection : event.command[event.commandName];
    listener({ name: event.commandName, collection: String(collection), command: event.command });
  };
  const client = connection.getClient();
  client.on('commandStarted', handler);
  return () => void client.off('commandStarted', handler);
}

/** Records every command the driver sends on this connection until `stop()`. */
export function observeCommands(connection: Connection) {
  const seen: ObservedCommand[] = [];
  const stop = onCommand(connection, (command) => seen.push(command));
  return { commands: seen, reset: () => void seen.splice(0), stop };
}

/**
 * FerretDB v1 never answers an `update` command carrying too many statements: on SQLite more than 100, on PostgreSQL
 * 50 small replacements already hang where 45 answer in about 0.1 s (inserts are unaffected). Bulk updates and
 * upserts therefore go in chunks of at most this many, well below either.
 */
export const MAX_UPDATE_BATCH = 20;

/** Inserts per `insertMany` call: large enough to amortise round trips, small enough to keep replies small. */
const INSERT_BATCH = 1000;
const DUPLICATE_KEY = 11000;

/** The document a `replaceOne` of `doc` stores: mongoose's bulkWrite casts a replacement exactly so. */
function asStored(model: AnyModel, doc: object): Record<string, unknown> {
  const cast = new model(doc, undefined, { skipId: true });
  const versionKey = model.schema.get('versionKey');
  if (typeof versionKey === 'string' && cast.get(versionKey) == null) cast.set(versionKey, 0);
  return cast.toBSON();
}

/** Inserts `chunk` unordered; returns how many went in and the documents whose `_id` was already there. */
async function insertNew(model: AnyModel, chunk: Array<{ _id: string }>) {
  try {
    return { inserted: (await model.insertMany(chunk, { ordered: false, throwOnValidationError: true })).length, existing: [] };
  } catch (error) {
    const writeErrors = (error as { writeErrors?: Array<{ code?: number; index: number; err?: { code?: number; index?: number } }> }).writeErrors;
    const codeOf = (e: NonNullable<typeof writeErrors>[number]) => e.code ?? e.err?.code;
    if (!writeErrors?.length || writeErrors.some((e) => codeOf(e) !== DUPLICATE_KEY)) throw error;
    const duplicates = new Set(writeErrors.map((e) => e.index ?? e.err?.index));
    return { inserted: chunk.length - duplicates.size, existing: chunk.filter((_, j) => duplicates.has(j)) };
  }
}

/**
 * Replaces each document by `_id`, inserting the missing ones: writing the same documents twice changes nothing.
 * Inserts go first, unordered: they are bulk, a duplicate `_id` is refused atomically, and on FerretDB v1 on SQLite an
 * upsert by `_id` scanned the whole table (100k upserts took hours). The documents already there are compared with what is stored, and only those that differ are
 * replaced (in chunks, as above). `onChunk` hears how many documents each chunk handled (for a progress bar).
 */
export async function upsertById(model: AnyModel, docs: Array<{ _id: string }>, onChunk?: (handled: number) => void) {
  let inserted = 0;
  let changed = 0;
  // What is stored, read once when the first duplicate shows up: one pass over the collection, where an `$in` per
  // chunk would scan it again each time on FerretDB. The driver's own find: no casting before the comparison.
  let stored: Map<string, object> | undefined;
  for (let i = 0; i < docs.length; i += INSERT_BATCH) {
    const chunk = docs.slice(i, i + INSERT_BATCH);
    const result = await insertNew(model, chunk);
    inserted += result.inserted;
    if (result.existing.length > 0) {
      stored ??= new Map((await model.collection.find().toArray()).map((d) => [String(d._id), d]));
      const stale = result.existing.filter((d) => !isDeepStrictEqual({ ...asStored(model, d), _id: d._id }, { ...stored!.get(d._id) }));
      for (let j = 0; j < stale.length; j += MAX_UPDATE_BATCH) {
        const replacements = stale.slice(j, j + MAX_UPDATE_BATCH).map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc } }));
        changed += (await model.bulkWrite(replacements, { ordered: false })).modifiedCount;
      }
    }
    onChunk?.(chunk.length);
  }
  return { inserted, changed };
}
