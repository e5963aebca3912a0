import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureMongo } from '@cg/kit';
import { devKeyPair } from '../../gateway/src/auth';

/** One real MongoDB-protocol server for the whole run (MONGODB_URI, or an embedded one); each test file uses its own databases. */
export default async function globalSetup(): Promise<void> {
  const mongo = await ensureMongo({ log: (line) => console.log(`\n[tests] database: ${line}`) });
  process.env.MONGODB_URI = mongo.uri;
  // One development key pair for the run, made before the workers start, so that no two of them create it at once.
  const keysDir = mkdtempSync(path.join(os.tmpdir(), 'cg-test-keys-'));
  process.env.AUTH_DEV_KEYS_FILE = path.join(keysDir, 'dev-jwt-keys.json');
  await devKeyPair();
  Object.assign(globalThis, { __MONGO__: mongo, __KEYS_DIR__: keysDir }); // for globalTeardown
}
