import type { Connection, Model } from 'mongoose';
import { stableId } from './ids';
import { entitySchema } from './model';
import { connectDatabase, departmentDbName, MAX_UPDATE_BATCH, observeCommands, upsertById } from './mongo';

// Seeding's upsertById on the real server: inserts the missing, replaces only what differs, and a second run of
// the same documents updates nothing (npm start re-seeds the demo on every start).
let connection: Connection;
let Item: Model<any>;
const items = Array.from({ length: 1200 }, (_, i) => ({
  _id: stableId('item', i),
  name: `第${i}号`,
  tags: i % 2 ? ['a', 'b'] : [],
  at: new Date(Date.UTC(2026, 0, 1 + (i % 28))),
  nested: { level: i % 4 },
}));

beforeAll(async () => {
  connection = await connectDatabase({ uri: process.env.MONGODB_URI!, dbName: departmentDbName('upsert') });
  Item = connection.model('Item', entitySchema('items', { name: String, tags: [String], at: Date, nested: { level: Number } }));
  await Item.init();
});
afterAll(async () => {
  await connection.dropDatabase();
  await connection.close();
});

const writes = (commands: Array<{ name: string }>) => commands.filter((c) => c.name === 'insert' || c.name === 'update').map((c) => c.name);
const updates = (commands: Array<{ name: string }>) => writes(commands).filter((name) => name === 'update');

test('first run inserts every document in chunks; the same documents again write nothing; a changed one is replaced', async () => {
  const progress: number[] = [];
  const watch = observeCommands(connection);
  expect(await upsertById(Item, items, (n) => progress.push(n))).toEqual({ inserted: 1200, changed: 0 });
  expect(writes(watch.commands)).toEqual(['insert', 'insert']); // 1,000 + 200
  expect(progress).toEqual([1000, 200]);

  watch.reset();
  const before = await Item.collection.find().sort({ _id: 1 }).toArray();
  expect(await upsertById(Item, items)).toEqual({ inserted: 0, changed: 0 });
  expect(updates(watch.commands)).toEqual([]);
  expect(await Item.collection.find().sort({ _id: 1 }).toArray()).toEqual(before);

  watch.reset();
  const edited = items.map((item, i) => (i === 1100 ? { ...item, name: '改名', nested: { level: 9 } } : item));
  expect(await upsertById(Item, edited)).toEqual({ inserted: 0, changed: 1 });
  expect(updates(watch.commands)).toEqual(['update']);
  watch.stop();
  expect(await Item.findById(items[1100]!._id).lean()).toMatchObject({ name: '改名', nested: { level: 9 }, tags: [] });
  expect(await Item.countDocuments()).toBe(1200);
});

test('a seed change touching many documents replaces them all, in update commands small enough for the server to answer', async () => {
  const edited = items.map((item, i) => (i < 150 ? { ...item, nested: { level: 7 } } : item));
  const watch = observeCommands(connection);
  // The 150 edited, and the one the test above renamed back as the seed has it.
  expect(await upsertById(Item, edited)).toEqual({ inserted: 0, changed: 151 });
  watch.stop();
  // Replaced per insert chunk: the 150 of the first 1,000 in commands of MAX_UPDATE_BATCH, then the one of the rest.
  expect(updates(watch.commands)).toEqual(Array.from({ length: Math.ceil(150 / MAX_UPDATE_BATCH) + 1 }, () => 'update'));
  expect(await Item.countDocuments({ 'nested.level': 7 })).toBe(150);
}, 60_000);
