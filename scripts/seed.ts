/** `npm run seed [-- --scale demo]`: writes the demo world into each department's own database (idempotent). */
import { ensureMongo } from '@cg/kit';
import { seedWorld } from './seed/write';

async function main() {
  const at = process.argv.indexOf('--scale');
  const scale = at > 0 ? process.argv[at + 1]! : 'demo';
  const mongo = await ensureMongo({ dataDir: process.env.MONGODB_URI ? undefined : '.data/db' });
  try {
    const counts = await seedWorld(mongo.uri, scale);
    console.table(counts);
  } finally {
    await mongo.stop();
  }
}
main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
