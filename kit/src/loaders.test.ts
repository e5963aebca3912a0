import type { Connection, Model } from 'mongoose';
import { byIdLoader, manyByFieldLoader, oneByFieldLoader } from './loaders';
import { entitySchema } from './model';
import { connectDatabase, departmentDbName, observeCommands } from './mongo';
import { stableId } from './ids';

// Against the real MongoDB-protocol server of the run: batching is proven by the commands the driver sends.
let connection: Connection;
let Thing: Model<any>;
const ids = Array.from({ length: 6 }, (_, i) => stableId('thing', i));

beforeAll(async () => {
  connection = await connectDatabase({ uri: process.env.MONGODB_URI!, dbName: departmentDbName('loaders') });
  Thing = connection.model('Thing', entitySchema('things', { groupId: String, tags: [String] }));
  await Thing.insertMany(ids.slice(0, 5).map((_id, i) => ({ _id, groupId: `g${i % 2}`, tags: [`t${i}`, 'all'] })));
});
afterAll(async () => {
  await connection.dropDatabase();
  await connection.close();
});

test('byIdLoader: one $in query for the whole batch, results in key order, null for a miss', async () => {
  const seen = observeCommands(connection);
  const loader = byIdLoader(Thing);
  const wanted = [ids[3]!, ids[5]!, ids[0]!, ids[3]!];
  const results = await Promise.all(wanted.map((id) => loader.load(id)));
  seen.stop();
  expect(results.map((r) => r?._id ?? null)).toEqual([ids[3], null, ids[0], ids[3]]);
  expect(seen.commands.map((c) => c.name)).toEqual(['find']);
  expect(seen.commands[0]!.command.filter._id.$in).toEqual([ids[3], ids[5], ids[0]]); // deduplicated keys, in order
});

test('manyByFieldLoader groups one query per batch back to each key, empty for none', async () => {
  const seen = observeCommands(connection);
  const loader = manyByFieldLoader(Thing, 'groupId');
  const [g1, none, g0] = await Promise.all(['g1', 'gX', 'g0'].map((key) => loader.load(key)));
  seen.stop();
  expect(g1!.map((d) => d._id).sort()).toEqual([ids[1], ids[3]].sort());
  expect(g0).toHaveLength(3);
  expect(none).toEqual([]);
  expect(seen.commands).toHaveLength(1);
});

test('oneByFieldLoader matches array fields and answers null for a key with no document', async () => {
  const loader = oneByFieldLoader(Thing, 'tags');
  const [t2, missing] = await Promise.all([loader.load('t2'), loader.load('nope')]);
  expect(t2?._id).toBe(ids[2]);
  expect(missing).toBeNull();
});

test('an operator object where an id belongs is refused, not run as a query operator', async () => {
  const loader = byIdLoader(Thing);
  await expect(loader.load({ $ne: null } as unknown as string)).rejects.toThrow(/Cast to string failed/);
});
