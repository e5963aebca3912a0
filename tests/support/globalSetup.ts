import { startTestDatabase } from '@cg/kit/testing';

/** One real MongoDB-protocol server and one development key pair for the whole run; each test file uses its own databases. */
export default async function globalSetup(): Promise<void> {
  const database = await startTestDatabase((line) => console.log(`\n[tests] database: ${line}`));
  Object.assign(globalThis, { __TEST_DATABASE__: database }); // for globalTeardown
}
