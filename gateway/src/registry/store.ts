import { Schema, type Connection, type Model } from 'mongoose';
import { connectDatabase, departmentDbName, isDuplicateKey } from '@cg/kit';

/**
 * The schema registry's own database: every version of the graph as a full snapshot (each department's SDL and URL
 * and the composed supergraph), so a rollback is a new version equal to an old one and nothing is ever overwritten.
 * `head` names the version served; the gateway polls it (one top-level equality, pushed into SQL by FerretDB).
 */
export interface PublishedSubgraph {
  name: string;
  url: string;
  sdl: string;
}
export interface SchemaVersion {
  _id: number;
  subgraphs: PublishedSubgraph[];
  supergraphSdl: string;
  at: Date;
  by: string;
  /** `publish <name>`, `rollback to <n>` or `baseline`. */
  change: string;
}

const versionSchema = new Schema<SchemaVersion>(
  {
    _id: { type: Number, required: true },
    subgraphs: [{ _id: false, name: { type: String, required: true }, url: { type: String, required: true }, sdl: { type: String, required: true } }],
    supergraphSdl: { type: String, required: true },
    at: { type: Date, required: true },
    by: { type: String, required: true },
    change: { type: String, required: true },
  },
  { collection: 'schema_versions', versionKey: false },
);
const headSchema = new Schema<{ _id: string; version: number }>({ _id: String, version: { type: Number, required: true } }, { collection: 'schema_head', versionKey: false });

export class VersionConflict extends Error {}

export interface RegistryStore {
  head(): Promise<number | null>;
  version(id: number): Promise<SchemaVersion | null>;
  /** Summaries, newest first. */
  list(): Promise<Array<Omit<SchemaVersion, 'supergraphSdl' | 'subgraphs'> & { subgraphs: string[] }>>;
  /** Stores `version` as head + 1; VersionConflict when another publish got there first. */
  append(expectedHead: number | null, version: Omit<SchemaVersion, '_id'>): Promise<number>;
  close(): Promise<void>;
}

export async function connectRegistryStore(uri: string, dbName = departmentDbName('registry')): Promise<RegistryStore> {
  const connection: Connection = await connectDatabase({ uri, dbName });
  // The kit's connections fail fast (1 s) for requests; a one-off publish from a busy machine may wait a little.
  for (let attempt = 1; ; attempt++) {
    try {
      await connection.db!.command({ ping: 1 });
      break;
    } catch (error) {
      if (attempt === 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  const versions: Model<SchemaVersion> = connection.model('SchemaVersion', versionSchema);
  const heads = connection.model('SchemaHead', headSchema);
  return {
    head: async () => (await heads.findById('head').lean())?.version ?? null,
    version: (id) => versions.findById(id).lean<SchemaVersion>(),
    list: async () => {
      const all = await versions.find({}, { supergraphSdl: 0 }).lean<SchemaVersion[]>();
      return all.sort((a, b) => b._id - a._id).map((v) => ({ _id: v._id, at: v.at, by: v.by, change: v.change, subgraphs: v.subgraphs.map((s) => `${s.name} ${s.url}`) }));
    },
    async append(expectedHead, version) {
      const id = (expectedHead ?? 0) + 1;
      try {
        // The version's _id is the lock: of two publishes from the same head, exactly one insert succeeds.
        await versions.create({ ...version, _id: id });
      } catch (error) {
        if (isDuplicateKey(error)) throw new VersionConflict(`version ${id} was published meanwhile; publish again`);
        throw error;
      }
      await heads.updateOne({ _id: 'head' }, { $set: { version: id } }, { upsert: true });
      return id;
    },
    close: () => connection.close(),
  };
}
