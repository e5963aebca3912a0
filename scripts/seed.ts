/**
 * `npm run seed [-- --scale small|demo|county|bench]`: writes the world of that scale into each department's own
 * database (idempotent: a second run inserts and changes nothing), with a progress bar, then prints the counts.
 */
import { SingleBar } from 'cli-progress';
import { ensureMongo } from '@cg/kit';
import { writeSeedMarker } from './seed/marker';
import { SCALES } from './seed/world';
import { seedWorld } from './seed/write';

async function main() {
  const at = process.argv.indexOf('--scale');
  const scale = at > 0 ? process.argv[at + 1]! : 'demo';
  if (!SCALES[scale]) throw new Error(`unknown scale "${scale}"; choose one of ${Object.keys(SCALES).join(', ')}`);
  const dataDir = process.env.MONGODB_URI ? undefined : '.data/db';
  const mongo = await ensureMongo({ dataDir });
  // cli-progress: a maintained bar that also prints sensibly when the output is not a terminal (CI logs).
  const bar = new SingleBar({ format: 'seeding {bar} {percentage}% | {value}/{total} documents | {collection}', noTTYOutput: true, notTTYSchedule: 10_000 });
  try {
    const started = performance.now();
    const counts = await seedWorld(mongo.uri, scale, undefined, (handled, total, collection) => {
      if (!bar.isActive) bar.start(total, 0, { collection });
      bar.update(handled, { collection });
    });
    bar.stop();
    // A bulk load leaves PostgreSQL (under FerretDB) with no planner statistics until autovacuum gets round to it.
    if (counts.some((c) => !c.unchanged)) await mongo.refreshStatistics();
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    console.table(counts);
    const sum = (key: 'documents' | 'inserted' | 'changed') => counts.reduce((n, c) => n + c[key], 0);
    console.log(`scale ${scale}: ${sum('documents')} documents (${sum('inserted')} inserted, ${sum('changed')} changed) in ${seconds} s (${mongo.kind})`);
    // The benchmark (bench/perf.ts) skips seeding a scale whose marker is there.
    if (dataDir) writeSeedMarker(dataDir, scale, { seconds, database: mongo.kind, counts });
  } finally {
    bar.stop();
    await mongo.stop();
  }
}
main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
