import { connectDatabase, departmentDbName, ensureMongo } from '@cg/kit';
import { buildWorld } from '@cg/seed';
(async () => {
  const sizes = process.argv.slice(2).map(Number);
  const mongo = await ensureMongo({ dataDir: '.data/db' });
  try {
    const c = await connectDatabase({ uri: mongo.uri, dbName: departmentDbName('civil-affairs') });
    const col = c.collection<{ _id: string }>('civility_points_entries');
    const stored = new Map((await col.find().toArray()).map((d) => [String(d._id), d]));
    const docs = (await buildWorld('demo'))['civil-affairs']!.CivilityPointsEntry! as Array<{ _id: string; gridId?: string }>;
    const stale = docs.filter((d) => stored.has(d._id) && !(stored.get(d._id) as { gridId?: string }).gridId);
    for (const n of sizes) {
      const batch = stale.splice(0, n);
      const t = Date.now();
      const r = await Promise.race([
        col.bulkWrite(batch.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc } })), { ordered: false }),
        new Promise((_, reject) => setTimeout(() => reject(new Error('no answer in 15 s')), 15_000)),
      ]).catch((e: Error) => e.message);
      console.log('bulkWrite', n, Date.now() - t, 'ms', typeof r === 'string' ? r : (r as { modifiedCount: number }).modifiedCount);
      if (typeof r === 'string') break;
    }
    await c.close();
  } finally { await mongo.stop(); }
})();
