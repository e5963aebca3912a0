import type { Connection, Model } from 'mongoose';
import { paginate } from './connection';
import { stableId } from './ids';
import { entitySchema } from './model';
import { connectDatabase, departmentDbName, observeCommands } from './mongo';

// Keyset pagination against the real server: pages cover every row once, in order, with ties broken by _id.
let connection: Connection;
let Row: Model<any>;
const rows = Array.from({ length: 25 }, (_, i) => ({ _id: stableId('row', i), rank: i % 4, kind: i % 3 === 0 ? 'a' : 'b' }));

beforeAll(async () => {
  connection = await connectDatabase({ uri: process.env.MONGODB_URI!, dbName: departmentDbName('connection') });
  Row = connection.model('Row', entitySchema('rows', { rank: Number, kind: String }));
  await Row.insertMany(rows);
});
afterAll(async () => {
  await connection.dropDatabase();
  await connection.close();
});

async function walk(filter: Record<string, unknown>, sort: Record<string, 1 | -1>, first: number) {
  const seen: any[] = [];
  let after: string | null = null;
  const totals = new Set<number>();
  for (let page = 0; page < 50; page++) {
    const result: Awaited<ReturnType<typeof paginate>> = await paginate(Row, filter, sort, { first, after });
    totals.add(result.totalCount);
    seen.push(...result.edges.map((e) => e.node));
    if (!result.pageInfo.hasNextPage) break;
    after = result.pageInfo.endCursor;
  }
  return { seen, totals };
}

test('pages in descending rank order cover every matching row exactly once, ties by _id', async () => {
  const { seen, totals } = await walk({ kind: 'b' }, { rank: -1 }, 4);
  const expected = rows.filter((r) => r.kind === 'b').sort((x, y) => y.rank - x.rank || x._id.localeCompare(y._id));
  expect(seen.map((r) => r._id)).toEqual(expected.map((r) => r._id));
  expect([...totals]).toEqual([expected.length]);
});

test('one page costs one count and one find with limit first+1', async () => {
  const seen = observeCommands(connection);
  const page = await paginate(Row, {}, { rank: 1 }, { first: 10 });
  seen.stop();
  expect(page.edges).toHaveLength(10);
  expect(page.pageInfo.hasNextPage).toBe(true);
  // Unfiltered, the total comes from `count` (collection metadata on MongoDB), not countDocuments' scan.
  expect(seen.commands.map((c) => c.name).sort()).toEqual(['count', 'find']);
  expect(seen.commands.find((c) => c.name === 'find')!.command.limit).toBe(11);
});

test('a forged cursor or an out-of-range page size is BAD_USER_INPUT', async () => {
  const forged = Buffer.from(JSON.stringify([{ $gt: '' }, 'x'])).toString('base64url');
  await expect(paginate(Row, {}, { rank: 1 }, { after: forged })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
  await expect(paginate(Row, {}, { rank: 1 }, { after: 'not-base64-json' })).rejects.toMatchObject({ extensions: { field: 'after' } });
  await expect(paginate(Row, {}, { rank: 1 }, { first: 101 })).rejects.toMatchObject({ extensions: { field: 'first' } });
  await expect(paginate(Row, {}, { rank: 1 }, { first: -1 })).rejects.toMatchObject({ extensions: { field: 'first' } });
});

test('an empty page has no cursor and no next page', async () => {
  const page = await paginate(Row, { kind: 'none' }, { rank: 1 }, {});
  expect(page).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
});
