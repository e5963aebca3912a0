import type { Connection, Model } from 'mongoose';
import { groupSums } from './aggregate';
import { entitySchema } from './model';
import { connectDatabase, departmentDbName } from './mongo';
import { stableId } from './ids';

// Against the real server of the run (FerretDB v1 computes only the first accumulator of a $group).
let connection: Connection;
let Row: Model<any>;

beforeAll(async () => {
  connection = await connectDatabase({ uri: process.env.MONGODB_URI!, dbName: departmentDbName('aggregate') });
  Row = connection.model('Row', entitySchema('rows', { g: String, h: String, f: { a: Number, b: Number }, items: [{ _id: false, unit: String, ok: Number }] }));
  await Row.insertMany([
    {
      _id: stableId('row', 1),
      g: 'x',
      h: 'p',
      f: { a: 1, b: 0 },
      items: [
        { unit: 'u1', ok: 1 },
        { unit: 'u2', ok: 0 },
      ],
    },
    { _id: stableId('row', 2), g: 'x', h: 'q', f: { a: 1, b: 1 }, items: [{ unit: 'u1', ok: 1 }] },
    { _id: stableId('row', 3), g: 'y', h: 'p', f: { a: 0, b: 1 }, items: [] },
  ]);
});
afterAll(async () => {
  await connection.dropDatabase();
  await connection.close();
});

test('every accumulator is computed, including nested flag paths', async () => {
  const [all] = await groupSums(Row, [], null, { n: 1, a: '$f.a', b: '$f.b' });
  expect(all).toEqual({ _id: null, n: 3, a: 2, b: 2 });
});

test('rows join by group key, compound keys included, after $match and $unwind', async () => {
  const byG = await groupSums(Row, [{ $match: { g: 'x' } }], { g: '$g', h: '$h' }, { n: 1, b: '$f.b' });
  expect(byG.sort((l, r) => JSON.stringify(l._id).localeCompare(JSON.stringify(r._id)))).toEqual([
    { _id: { g: 'x', h: 'p' }, n: 1, b: 0 },
    { _id: { g: 'x', h: 'q' }, n: 1, b: 1 },
  ]);
  const byUnit = await groupSums(Row, [{ $unwind: '$items' }], '$items.unit', { n: 1, ok: '$items.ok' });
  expect(Object.fromEntries(byUnit.map((r) => [r._id, [r.n, r.ok]]))).toEqual({ u1: [2, 2], u2: [1, 0] });
});
