import { prepareSeedCopy, startTestDatabase } from '@cg/kit/testing';

/**
 * One real MongoDB-protocol server and one development key pair for the whole run; each test file uses its own
 * databases. The small world is seeded once here and each stack gets a copy of it (kit/src/testing/seedCopy.ts).
 */
export default async function globalSetup(): Promise<void> {
  const log = (line: string) => console.log(`\n[tests] database: ${line}`);
  const database = await startTestDatabase(log);
  const seedCopy = await prepareSeedCopy(database.uri, log);
  Object.assign(globalThis, { __TEST_DATABASE__: database, __TEST_SEED_COPY__: seedCopy }); // for globalTeardown
}
