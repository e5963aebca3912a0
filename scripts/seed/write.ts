import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { connectDatabase, departmentDbName, listSubgraphs, upsertById, type AnyModel, type Department, type ExtendWorld, type World } from '@cg/kit';
import { FINGERPRINTS, recordSources, sourcesHash, unchangedSeed, type SeedCount, type SeedFingerprint } from './fingerprints';
import { buildCoreWorld } from './world';

export type { SeedCount } from './fingerprints';

/** The core world plus what each department's optional `src/seed.ts` adds for its own models, in registry order. */
export async function buildWorld(scaleName = 'demo'): Promise<World> {
  const { world, scale } = buildCoreWorld(scaleName);
  for (const entry of listSubgraphs()) {
    const file = path.join(entry.dir, 'src', 'seed.ts');
    if (!existsSync(file)) continue;
    const { extendWorld } = (await import(file)) as { extendWorld: ExtendWorld };
    const own = (world[entry.name] ??= {});
    for (const [model, docs] of Object.entries(extendWorld(world, scale))) own[model] = [...(own[model] ?? []), ...docs];
  }
  return world;
}

/** Hears how far seeding has come: documents written so far, of `total`, and the collection being written. */
export type SeedProgress = (written: number, total: number, collection: string) => void;

/**
 * Upserts every document of the world by `_id` through each department's own models, so a second run
 * inserts and changes nothing. A collection whose seed has the fingerprint recorded when it was last written, and
 * still holds at least that many documents, is skipped without reading it: a restart on seeded data takes seconds,
 * and a changed seed (after a pull) rewrites only the collections it changes. Departments are found under
 * subgraphs/ like everywhere else.
 */
export async function seedWorld(uri: string, scale = 'demo', dbPrefix?: string, progress?: SeedProgress): Promise<SeedCount[]> {
  const sources = sourcesHash(scale);
  const unchanged = await unchangedSeed(uri, scale, sources, dbPrefix);
  if (unchanged) return unchanged;
  const world = await buildWorld(scale);
  const total = Object.values(world)
    .flatMap((part) => Object.values(part))
    .reduce((n, docs) => n + docs.length, 0);
  let written = 0;
  const counts: SeedCount[] = [];
  for (const entry of listSubgraphs()) {
    const part = world[entry.name] ?? {};
    const { department } = (await import(`${entry.dir}/src/server`)) as { department: Department<Record<string, AnyModel>, unknown> };
    const connection = await connectDatabase({ uri, dbName: departmentDbName(entry.name, dbPrefix) });
    try {
      const models = department.createModels(connection);
      const fingerprints = connection.collection<SeedFingerprint>(FINGERPRINTS);
      const recorded = new Map((await fingerprints.find().toArray()).map((f) => [f._id, f]));
      for (const [modelName, docs] of Object.entries(part)) {
        const model = models[modelName];
        const collection = model.collection.name;
        const sha256 = createHash('sha256').update(JSON.stringify(docs)).digest('hex');
        const before = recorded.get(collection);
        if (before?.sha256 === sha256 && (await model.estimatedDocumentCount()) >= docs.length) {
          progress?.((written += docs.length), total, `${entry.name}.${collection}`);
          counts.push({ department: entry.name, collection, documents: docs.length, inserted: 0, changed: 0, unchanged: true });
          continue;
        }
        await model.init(); // indexes before bulk writes (the department creates them at its start too)
        const { inserted, changed } = await upsertById(model, docs, (n) => progress?.((written += n), total, `${entry.name}.${collection}`));
        await fingerprints.replaceOne({ _id: collection }, { sha256, documents: docs.length }, { upsert: true });
        counts.push({ department: entry.name, collection, documents: docs.length, inserted, changed, unchanged: false });
      }
      await recordSources(connection, scale, sources);
    } finally {
      await connection.close();
    }
  }
  return counts;
}
