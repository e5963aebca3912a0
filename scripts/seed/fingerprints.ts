import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { connectDatabase, departmentDbName, listSubgraphs, repoRoot } from '@cg/kit';

/**
 * Seed fingerprints, kept in each department's own database beside the data they describe: per collection, the
 * hash of the documents the seed gave it; per scale, the hash of everything the world is built from. A restart on
 * seeded data checks the latter and the collections' sizes without building the world.
 */
export const FINGERPRINTS = 'seed_fingerprints';

export interface SeedFingerprint {
  _id: string;
  sha256: string;
  documents: number;
}

export interface SeedCount {
  department: string;
  collection: string;
  documents: number;
  inserted: number;
  changed: number;
  /** The collection already held exactly this seed (same fingerprint, at least as many documents): not read. */
  unchanged: boolean;
}

const sourcesKey = (scale: string) => `sources:${scale}`;

const filesUnder = (target: string): string[] =>
  statSync(target).isDirectory()
    ? readdirSync(target, { recursive: true, encoding: 'utf8' })
        .map((f) => path.join(target, f))
        .filter((f) => statSync(f).isFile())
        .sort()
    : [target];

/** The world builder, the kit it uses, each department's seed and models, and the locked package versions (faker). */
export function sourcesHash(scale: string): string {
  const roots = [
    path.join(repoRoot, 'scripts', 'seed'),
    path.join(repoRoot, 'kit', 'src'),
    path.join(repoRoot, 'package-lock.json'),
    ...listSubgraphs().flatMap((e) => ['seed.ts', 'seed', 'models'].map((part) => path.join(e.dir, 'src', part))),
  ];
  const hash = createHash('sha256').update(scale);
  for (const file of roots.filter((r) => existsSync(r)).flatMap(filesUnder)) hash.update(path.relative(repoRoot, file)).update(readFileSync(file));
  return hash.digest('hex');
}

/**
 * The counts of the last seed of `scale` when nothing it is made from has changed since and every collection still
 * holds at least the documents it was given; null when the world must be built and compared collection by collection.
 */
export async function unchangedSeed(uri: string, scale: string, sources: string, dbPrefix?: string): Promise<SeedCount[] | null> {
  const counts: SeedCount[] = [];
  for (const entry of listSubgraphs()) {
    const connection = await connectDatabase({ uri, dbName: departmentDbName(entry.name, dbPrefix) });
    try {
      const fingerprints = await connection.collection<SeedFingerprint>(FINGERPRINTS).find().toArray();
      if (fingerprints.find((f) => f._id === sourcesKey(scale))?.sha256 !== sources) return null;
      for (const { _id: collection, documents } of fingerprints.filter((f) => !f._id.startsWith('sources:'))) {
        if ((await connection.collection(collection).estimatedDocumentCount()) < documents) return null;
        counts.push({ department: entry.name, collection, documents, inserted: 0, changed: 0, unchanged: true });
      }
    } finally {
      await connection.close();
    }
  }
  return counts;
}

/** Records, in every department (seeded or not), that its part of `scale` is the world built from `sources`. */
export async function recordSources(connection: Connection, scale: string, sources: string): Promise<void> {
  await connection.collection<SeedFingerprint>(FINGERPRINTS).replaceOne({ _id: sourcesKey(scale) }, { sha256: sources, documents: 0 }, { upsert: true });
}
