import { connectDatabase, departmentDbName, listSubgraphs, upsertById, type Department } from '@cg/kit';
import { buildWorld } from './world';

export interface SeedCount {
  department: string;
  collection: string;
  documents: number;
  inserted: number;
  changed: number;
}

/**
 * Upserts every document of the world by `_id` through each department's own models, so a second run
 * inserts and changes nothing. Departments are found under subgraphs/ like everywhere else.
 */
export async function seedWorld(uri: string, scale = 'demo', dbPrefix?: string): Promise<SeedCount[]> {
  const world = buildWorld(scale);
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
        const { inserted, changed } = await upsertById(model, docs);
        counts.push({ department: entry.name, collection: model.collection.name, documents: docs.length, inserted, changed });
      }
    } finally {
      await connection.close();
    }
  }
  return counts;
}
