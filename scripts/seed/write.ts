import { existsSync } from 'node:fs';
import path from 'node:path';
import { connectDatabase, departmentDbName, listSubgraphs, upsertById, type Department, type ExtendWorld, type World } from '@cg/kit';
import { buildCoreWorld } from './world';

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

export interface SeedCount {
  department: string;
  collection: string;
  documents: number;
  inserted: number;
  changed: number;
}

/** Hears how far seeding has come: documents written so far, of `total`, and the collection being written. */
export type SeedProgress = (written: number, total: number, collection: string) => void;

/**
 * Upserts every document of the world by `_id` through each department's own models, so a second run
 * inserts and changes nothing. Departments are found under subgraphs/ like everywhere else.
 */
export async function seedWorld(uri: string, scale = 'demo', dbPrefix?: string, progress?: SeedProgress): Promise<SeedCount[]> {
  const world = await buildWorld(scale);
  const total = Object.values(world).flatMap((part) => Object.values(part)).reduce((n, docs) => n + docs.length, 0);
  let written = 0;
  const counts: SeedCount[] = [];
  for (const entry of listSubgraphs()) {
    const part = world[entry.name];
    if (!part) continue;
    const { department } = (await import(`${entry.dir}/src/server`)) as { department: Department<any, any> };
    const connection = await connectDatabase({ uri, dbName: departmentDbName(entry.name, dbPrefix) });
    try {
      const models = department.createModels(connection);
      for (const [modelName, docs] of Object.entries(part)) {
        const model = models[modelName];
        await model.init();
        const { inserted, changed } = await upsertById(model, docs, (n) => progress?.((written += n), total, `${entry.name}.${model.collection.name}`));
        counts.push({ department: entry.name, collection: model.collection.name, documents: docs.length, inserted, changed });
      }
    } finally {
      await connection.close();
    }
  }
  return counts;
}
