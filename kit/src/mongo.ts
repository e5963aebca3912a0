import { isDeepStrictEqual } from 'node:util';
import mongoose, { type Connection, type Model } from 'mongoose';

// Refuse operator injection (`{ "$ne": null }` where a value belongs) and unknown filter paths everywhere.
// Operator objects the code builds itself are marked with `mongoose.trusted()`.
mongoose.set('sanitizeFilter', true);
mongoose.set('strictQuery', 'throw');

export const trusted = <T>(filter: T): T => mongoose.trusted(filter) as T;

/** One database per department: `cg_civil_affairs`, `cg_party`, … (prefix from `MONGODB_DB_PREFIX`). */
export function departmentDbName(name: string, prefix = process.env.MONGODB_DB_PREFIX ?? 'cg'): string {
  return `${prefix}_${name.replace(/[^a-zA-Z0-9]/g, '_')}`;
}

export interface ConnectOptions {
  uri: string;
  dbName: string;
}

export async function connectDatabase({ uri, dbName }: ConnectOptions): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
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
  await connection.asPromise();
  return connection;
}

export interface ObservedCommand {
  name: string;
  collection: string;
  command: Record<string, any>;
}

/** Records every command the driver sends on this connection until `stop()`; `handshake`-style noise excluded. */
export function observeCommands(connection: Connection) {
  const seen: ObservedCommand[] = [];
  const ignored = new Set(['hello', 'isMaster', 'ismaster', 'ping', 'endSessions', 'buildInfo', 'saslStart', 'saslContinue']);
  const listener = (event: { commandName: string; command: Record<string, any> }) => {
    if (ignored.has(event.commandName)) return;
    // getMore continues a cursor: it names its collection in `collection`, not under the command name.
    const collection = event.commandName === 'getMore' ? event.command.collection : event.command[event.commandName];
    seen.push({ name: event.commandName, collection: String(collection), command: event.command });
  };
  const client = connection.getClient();
  client.on('commandStarted', listener);
  return {
    commands: seen,
    reset: () => void seen.splice(0),
    stop: () => void client.off('commandStarted', listener),
  };
}

/**
 * FerretDB v1 (SQLite) never answers an `update` command carrying more than 100 statements (seen with 101+;
 * inserts are unaffected), so bulk upserts go in chunks of at most this many.
 */
export const MAX_UPDATE_BATCH = 100;

/** Documents looked up and inserted per round trip while seeding (inserts have no statement limit). */
const SEED_CHUNK = 1000;

/** The document a `replaceOne` of `doc` stores: mongoose's bulkWrite casts a replacement exactly so. */
function asStored(model: Model<any>, doc: object): Record<string, unknown> {
  const cast = new model(doc, undefined, { skipId: true });
  const versionKey = model.schema.get('versionKey');
  if (typeof versionKey === 'string' && cast.get(versionKey) == null) cast.set(versionKey, 0);
  return cast.toBSON();
}

/**
 * Replaces each document by `_id`, inserting the missing ones: writing the same documents twice changes nothing.
 * A large seed is mostly new documents, and FerretDB v1 takes plain inserts several times faster than upserts; a
 * second run compares first and replaces only what differs, in chunks the update limit allows. `onChunk` hears how
 * many documents each chunk handled (for a progress bar).
 */
export async function upsertById(model: Model<any>, docs: Array<{ _id: string }>, onChunk?: (written: number) => void) {
  let inserted = 0;
  let changed = 0;
  for (let i = 0; i < docs.length; i += SEED_CHUNK) {
    const chunk = docs.slice(i, i + SEED_CHUNK);
    // The driver's own find: the stored form, with no casting between it and the comparison.
    const stored = new Map((await model.collection.find({ _id: { $in: chunk.map((d) => d._id) } } as object).toArray()).map((d) => [String(d._id), d]));
    const fresh = chunk.filter((d) => !stored.has(d._id));
    if (fresh.length > 0) inserted += (await model.bulkWrite(fresh.map((document) => ({ insertOne: { document } })), { ordered: false })).insertedCount;
    const stale = chunk.filter((d) => stored.has(d._id) && !isDeepStrictEqual({ ...asStored(model, d), _id: d._id }, { ...stored.get(d._id) }));
    for (let j = 0; j < stale.length; j += MAX_UPDATE_BATCH) {
      const replacements = stale.slice(j, j + MAX_UPDATE_BATCH).map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc } }));
      changed += (await model.bulkWrite(replacements, { ordered: false })).modifiedCount;
    }
    onChunk?.(chunk.length);
  }
  return { inserted, changed };
}
