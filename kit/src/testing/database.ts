import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { devKeyPair } from '@cg/gateway/auth';
import type { Connection } from 'mongoose';
import { connectDatabase, departmentDbName, ensureMongo, listSubgraphs } from '../index';

/**
 * One real MongoDB-protocol server for a whole test run (MONGODB_URI, or an embedded one), and one development key
 * pair made before the workers start, so that no two of them create it at once. Each test file uses its own
 * databases (MONGODB_DB_PREFIX). `stop` ends what this started.
 */
export async function startTestDatabase(log: (line: string) => void = () => {}): Promise<{ uri: string; stop(): Promise<void> }> {
  const mongo = await ensureMongo({ log });
  process.env.MONGODB_URI = mongo.uri;
  const keysDir = mkdtempSync(path.join(os.tmpdir(), 'cg-test-keys-'));
  process.env.AUTH_DEV_KEYS_FILE = path.join(keysDir, 'dev-jwt-keys.json');
  await devKeyPair();
  return {
    uri: mongo.uri,
    stop: async () => {
      await mongo.stop();
      rmSync(keysDir, { recursive: true, force: true });
    },
  };
}

/** A connection to this test file's own database called `name` on the run's server, for tests of models without a server. */
export const connectTestDatabase = (name: string): Promise<Connection> => connectDatabase({ uri: process.env.MONGODB_URI!, dbName: departmentDbName(name) });

/** Drops a test's department databases, also those written without a running department (e.g. seeding only). */
export async function dropDatabases(prefix = process.env.MONGODB_DB_PREFIX): Promise<void> {
  await Promise.all(
    listSubgraphs().map(async (entry) => {
      const connection = await connectDatabase({ uri: process.env.MONGODB_URI!, dbName: departmentDbName(entry.name, prefix) });
      await connection.dropDatabase();
      await connection.close();
    }),
  );
}
