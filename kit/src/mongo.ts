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

/** Replaces each document by `_id`, inserting the missing ones: writing the same documents twice changes nothing. */
export async function upsertById(model: Model<any>, docs: Array<{ _id: string }>) {
  let inserted = 0;
  let changed = 0;
  for (let i = 0; i < docs.length; i += MAX_UPDATE_BATCH) {
    const chunk = docs.slice(i, i + MAX_UPDATE_BATCH);
    const result = await model.bulkWrite(
      chunk.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } })),
      { ordered: false },
    );
    inserted += result.upsertedCount;
    changed += result.modifiedCount;
  }
  return { inserted, changed };
}
