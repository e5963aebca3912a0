/** `npm run seed [-- --scale demo]`: writes the demo world into each department's own database (idempotent). */
import { ensureMongo } from '@cg/kit';
import { seedWorld } from './seed/write';
import { writeSeedMarker } from './seed/marker';

async function main() {
  const at = process.argv.indexOf('--scale');
  const scale = at > 0 ? process.argv[at + 1]! : 'demo';
  const dataDir = process.env.MONGODB_URI ? undefined : '.data/db';
  const mongo = await ensureMongo({ dataDir });
  try {
    const started = performance.now();
    const counts = await seedWorld(mongo.uri, scale);
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    console.table(counts);
    console.log(`seeded scale ${scale} in ${seconds} s (${mongo.kind})`);
    // The benchmark (bench/perf.ts) skips seeding a scale whose marker is there.
    if (dataDir) writeSeedMarker(dataDir, scale, { seconds, database: mongo.kind, counts });
  } finally {
    await mongo.stop();
  }
}
main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
