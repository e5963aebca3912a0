import { ensureMongo } from '@cg/kit';

/** One real MongoDB-protocol server for the whole run (MONGODB_URI, or an embedded one); each test file uses its own databases. */
export default async function globalSetup(): Promise<void> {
  const mongo = await ensureMongo({ log: (line) => console.log(`\n[tests] database: ${line}`) });
  process.env.MONGODB_URI = mongo.uri;
  (globalThis as { __MONGO__?: typeof mongo }).__MONGO__ = mongo;
}
