import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mongo, type Connection } from 'mongoose';
import type * as Seed from '@cg/seed';
import { connectDatabase, departmentDbName, listSubgraphs, repoRoot, type World } from '../index';
import { dropDatabases } from './database';
import { readWorldCopy, writeWorldCopy } from './worldCopy';

/**
 * The `small` world is seeded once per run (globalSetup) and each test file gets a copy of the stored documents and
 * indexes: re-running the seed (building the world, casting and upserting every document through the models) took
 * seconds per file, a copy a fraction of that. The copy is what the seed stored, value types included (no promotion
 * of numbers), and the department databases stay one set per test file as before.
 */
const DIR_VARIABLE = 'CG_TEST_SEED_COPY';
/** Documents per stored chunk and per insertMany: far below BSON's 16 MB per document. */
const CHUNK = 1000;

interface Manifest {
  /** The checkout the copy was made from: a copy of the repository (tests/scaffold) seeds its own. */
  repoRoot: string;
  departments: string[];
}

interface StoredChunk {
  collection: string;
  /** JSON of the collection's index specs (first chunk only), kept out of BSON so numbers stay plain. */
  indexes?: string;
  docs: mongo.BSON.Document[];
}

const dumpFile = (dir: string, department: string) => path.join(dir, `${department}.bson`);

/** Seeds `small` into databases of its own, stores their contents and the built world under a temporary folder, and drops them. */
export async function prepareSeedCopy(uri: string, log: (line: string) => void = () => {}): Promise<{ remove(): void }> {
  const started = performance.now();
  const { seedWorld, buildWorld } = await import('@cg/seed');
  const prefix = `tseed${process.pid}`;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cg-test-seed-'));
  await seedWorld(uri, 'small', prefix);
  const departments = listSubgraphs().map((entry) => entry.name);
  for (const department of departments) await withDatabase(uri, department, prefix, async (connection) => writeFileSync(dumpFile(dir, department), await dump(connection)));
  await dropDatabases(prefix);
  if (!writeWorldCopy(dir, await buildWorld('small'))) log('the small world does not survive a copy: tests build it themselves');
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ repoRoot, departments } satisfies Manifest));
  process.env[DIR_VARIABLE] = dir;
  log(`small world seeded once and stored in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The folder of this run's copy, when it was made from this checkout with these departments. */
function copyDir(): string | undefined {
  const dir = process.env[DIR_VARIABLE];
  if (!dir || !existsSync(path.join(dir, 'manifest.json'))) return undefined;
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const departments = listSubgraphs().map((entry) => entry.name);
  return manifest.repoRoot === repoRoot && manifest.departments.join() === departments.join() ? dir : undefined;
}

/**
 * Writes the `small` world into the department databases of `prefix`: a copy of the run's seed when there is one
 * and the databases are still empty, else the seed itself (which also brings a seeded database up to date).
 */
export async function seedSmallWorld(uri: string, prefix = process.env.MONGODB_DB_PREFIX): Promise<void> {
  const dir = copyDir();
  const departments = listSubgraphs().map((entry) => entry.name);
  const empty = dir && (await Promise.all(departments.map((d) => withDatabase(uri, d, prefix, async (c) => (await c.db!.listCollections().toArray()).length === 0))));
  if (dir && empty && empty.every(Boolean)) {
    await Promise.all(departments.map((d) => withDatabase(uri, d, prefix, (connection) => restore(connection, readFileSync(dumpFile(dir, d))))));
    return;
  }
  const { seedWorld } = await import('@cg/seed');
  await seedWorld(uri, 'small', prefix);
}

/** The seed's buildWorld; `small` is read from this run's copy when there is one (a fresh object on every call, as built). */
export async function buildWorld(scale = 'demo'): Promise<World> {
  const dir = scale === 'small' ? copyDir() : undefined;
  return (dir && readWorldCopy(dir)) || (await import('@cg/seed')).buildWorld(scale);
}

/** The seed's seedWorld, loaded when called: a test file that only copies the seed never loads faker and the seed parts. */
export const seedWorld = async (...args: Parameters<typeof Seed.seedWorld>): ReturnType<typeof Seed.seedWorld> => (await import('@cg/seed')).seedWorld(...args);

async function withDatabase<T>(uri: string, department: string, prefix: string | undefined, use: (connection: Connection) => Promise<T>): Promise<T> {
  const connection = await connectDatabase({ uri, dbName: departmentDbName(department, prefix) });
  try {
    return await use(connection);
  } finally {
    await connection.close();
  }
}

async function dump(connection: Connection): Promise<Buffer> {
  const db = connection.db!;
  const chunks: Buffer[] = [];
  for (const { name } of (await db.listCollections().toArray()).sort((a, b) => a.name.localeCompare(b.name))) {
    const indexes = (await db.collection(name).listIndexes().toArray()).filter((index) => index.name !== '_id_').map(({ v: _v, ns: _ns, ...spec }) => spec);
    // In stored order, unpromoted: Int32, Double and Long are written back as they were.
    const docs = await db.collection(name).find({}, { promoteValues: false }).toArray();
    for (let i = 0; i === 0 || i < docs.length; i += CHUNK) {
      const chunk: StoredChunk = { collection: name, docs: docs.slice(i, i + CHUNK), ...(i === 0 ? { indexes: JSON.stringify(indexes) } : {}) };
      chunks.push(Buffer.from(mongo.BSON.serialize(chunk)));
    }
  }
  return Buffer.concat(chunks);
}

async function restore(connection: Connection, stored: Buffer): Promise<void> {
  const db = connection.db!;
  for (let offset = 0; offset < stored.length;) {
    const size = stored.readInt32LE(offset);
    const chunk = mongo.BSON.deserialize(stored.subarray(offset, (offset += size)), { promoteValues: false }) as StoredChunk;
    const indexes = chunk.indexes === undefined ? [] : (JSON.parse(chunk.indexes) as mongo.IndexDescription[]);
    if (indexes.length) await db.collection(chunk.collection).createIndexes(indexes);
    else if (chunk.indexes !== undefined && !chunk.docs.length) await db.createCollection(chunk.collection);
    if (chunk.docs.length) await db.collection(chunk.collection).insertMany(chunk.docs);
  }
}
