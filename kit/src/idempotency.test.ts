import type { Connection, Model } from 'mongoose';
import { createOnce } from './idempotency';
import { entitySchema } from './model';
import { connectDatabase, departmentDbName } from './mongo';

let connection: Connection;
let Note: Model<any>;

beforeAll(async () => {
  connection = await connectDatabase({ uri: process.env.MONGODB_URI!, dbName: departmentDbName('idempotency') });
  Note = connection.model('Note', entitySchema('notes', { text: String }));
  await Note.init();
});
afterAll(async () => {
  await connection.dropDatabase();
  await connection.close();
});

test('concurrent retries with one key create one record and all return it', async () => {
  const results = await Promise.all(
    Array.from({ length: 8 }, () => createOnce<{ _id: string; text: string }>(Note, { text: '走访记录' }, { idempotencyKey: 'visit-0001', caller: 'u1' })),
  );
  expect(new Set(results.map((r) => r.doc._id)).size).toBe(1);
  expect(results.filter((r) => r.created)).toHaveLength(1);
  expect(await Note.countDocuments({ text: '走访记录' })).toBe(1);
});

test('the same key from another caller is another record; the same key with other input is a CONFLICT', async () => {
  const a = await createOnce(Note, { text: 'a' }, { idempotencyKey: 'shared-key-1', caller: 'u1' });
  const b = await createOnce(Note, { text: 'a' }, { idempotencyKey: 'shared-key-1', caller: 'u2' });
  expect(a.doc._id).not.toBe(b.doc._id);
  await expect(createOnce(Note, { text: 'b' }, { idempotencyKey: 'shared-key-1', caller: 'u1' })).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
  expect(await Note.countDocuments({ text: 'b' })).toBe(0);
});

test('a malformed key is refused before anything is written; no key always creates', async () => {
  const before = await Note.countDocuments();
  await expect(createOnce(Note, { text: 'x' }, { idempotencyKey: '{"$ne":1}' })).rejects.toMatchObject({ extensions: { field: 'idempotencyKey' } });
  expect(await Note.countDocuments()).toBe(before);
  await createOnce(Note, { text: 'y' });
  await createOnce(Note, { text: 'y' });
  expect(await Note.countDocuments({ text: 'y' })).toBe(2);
});
