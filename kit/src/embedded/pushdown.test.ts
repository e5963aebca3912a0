import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { ensureMongo, type MongoHandle } from './index';
import { ferretdbBinary, startFerretdb } from './ferretdb';
import type { ServerProcess } from './process';

// The driver itself, as mongoose ships it: these queries test the server, not mongoose's casting.
const { MongoClient } = mongoose.mongo;
type Document = mongoose.mongo.Document;
type Filter = mongoose.mongo.Filter<Document>;
type Sort = mongoose.mongo.Sort;
type Collection = mongoose.mongo.Collection<Document>;

/**
 * scripts/ferretdb/pushdown.patch moves `$in`, ranges, `$or`/`$and`, sort, limit and count into PostgreSQL. Each
 * query here runs against the patched FerretDB on PostgreSQL and, as the reference, against the same binary on
 * SQLite, where none of that is pushed down and FerretDB's own Go code filters, sorts, limits and counts. Data
 * includes what pushdown gets wrong most easily: missing fields, nulls, arrays, mixed types, Chinese text.
 */
let postgres: MongoHandle;
let sqlite: ServerProcess;
let sqliteDir: string;
let clients: Array<InstanceType<typeof MongoClient>>;
let collections: { pg: Collection; ref: Collection };

const names = ['张三', '李四', '王五', '赵六', '仉伟', 'Zhang', 'alice', '', '张三丰'];
function documentsFor(n: number): Document[] {
  return Array.from({ length: n }, (_, i) => {
    const doc: Document = { _id: `d${String(i).padStart(4, '0')}`, grid: `g${i % 7}`, n: i % 13, on: new Date(Date.UTC(2026, 0, 1 + (i % 40))), flag: i % 3 === 0 };
    if (i % 11 !== 0) doc.name = names[i % names.length];
    if (i % 17 === 0) doc.name = null;
    doc.tags = i % 5 === 0 ? [] : [`t${i % 4}`, `t${(i + 1) % 4}`];
    doc.mixed = [`s${i % 9}`, i % 9, [`s${i % 9}`], null, true][i % 5];
    return doc;
  });
}

beforeAll(async () => {
  postgres = await ensureMongo({ ownServer: true, log: () => undefined });
  expect(postgres.kind).toBe('ferretdb');
  sqliteDir = mkdtempSync(path.join(os.tmpdir(), 'cg-pushdown-sqlite-'));
  sqlite = await startFerretdb(
    ferretdbBinary(() => undefined),
    { sqliteDir },
  );
  clients = await Promise.all([postgres.uri, `mongodb://127.0.0.1:${sqlite.port}/`].map((uri) => MongoClient.connect(uri)));
  const [pg, ref] = clients.map((client) => client.db('pushdown').collection('docs'));
  collections = { pg: pg!, ref: ref! };
  for (const collection of [pg!, ref!]) {
    for (const field of ['grid', 'name', 'tags', 'on', 'mixed']) await collection.createIndex({ [field]: 1 });
    await collection.insertMany(documentsFor(600));
  }
}, 120_000);

afterAll(async () => {
  await Promise.all(clients?.map((client) => client.close()) ?? []);
  await sqlite?.stop();
  await postgres?.stop();
  if (sqliteDir) rmSync(sqliteDir, { recursive: true, force: true });
});

const day = (d: number) => new Date(Date.UTC(2026, 0, d));
const filters = [
  {},
  { grid: 'g3' },
  { name: '张三' },
  { name: null },
  { tags: 't2' },
  { flag: true, grid: 'g1' },
  { n: 4 },
  { on: day(5) },
  { _id: { $in: ['d0005', 'd0100', 'd0599', 'nope'] } },
  { grid: { $in: ['g1', 'g2'] }, flag: false },
  { tags: { $in: ['t0', 'none'] } },
  { mixed: { $in: ['s3', 3] } },
  { name: { $gt: '张三' } },
  { name: { $gte: 'Zhang', $lt: '张' } },
  { n: { $gte: 5, $lte: 8 } },
  { on: { $gte: day(10), $lt: day(20) } },
  { mixed: { $gt: 's4' } },
  { mixed: { $lte: 4 } },
  { tags: { $gt: 't2' } },
  { $or: [{ grid: 'g1' }, { name: '李四' }] },
  { $or: [{ name: { $gt: '王五' } }, { name: '王五', _id: { $gt: 'd0300' } }] },
  { $and: [{ grid: 'g2' }, { $or: [{ n: { $lt: 3 } }, { flag: true }] }] },
  { $or: [{ grid: 'g1' }, { name: { $exists: false } }] },
  { grid: 'g4', name: { $ne: '张三' } },
  { name: { $regex: '^张' } },
  { name: /^张三/ },
  { name: { $regex: '^张三\\.?' } },
  { name: { $regex: '^z', $options: 'i' } },
  { tags: { $regex: '^t1' } },
  { mixed: { $regex: '^s' } },
  { name: { $in: ['张三', null] } },
  { mixed: { $in: [null] } },
  { $or: [{ name: { $regex: '^王' } }, { grid: 'g6', n: { $gt: 10 } }] },
] as Filter[];
const sorts: Sort[] = [{ _id: 1 }, { name: 1, _id: 1 }, { on: -1, _id: 1 }, { n: 1, name: -1, _id: 1 }];

test.each(filters.map((filter) => [JSON.stringify(filter), filter]))('find and count %s: the same documents as without pushdown', async (_, filter) => {
  const both = async (run: (c: Collection) => Promise<unknown>) => [await run(collections.pg), await run(collections.ref)];
  const [pgAll, refAll] = await both((c) => c.find(filter).sort({ _id: 1 }).toArray());
  expect(pgAll).toEqual(refAll);
  const [pgCount, refCount] = await both((c) => c.countDocuments(filter));
  expect(pgCount).toBe(refCount);
  const [pgN, refN] = await both((c) => c.db.command({ count: c.collectionName, query: filter }).then((r) => r.n));
  expect(pgN).toBe(refN);
  for (const sort of sorts) {
    for (const limit of [1, 5, 21]) {
      const [pgPage, refPage] = await both((c) => c.find(filter).sort(sort).limit(limit).toArray());
      expect({ sort, limit, page: pgPage }).toEqual({ sort, limit, page: refPage });
    }
  }
});

test('explain: equality and $in use the GIN index; sort and limit go to SQL when the filter is exact', async () => {
  const explain = (find: Document) => collections.pg.db.command({ explain: { find: 'docs', ...find }, verbosity: 'queryPlanner' });
  const plan = (e: Document) => JSON.stringify(e.queryPlanner);
  // Selective values, as lookups are: for a value a seventh of the rows hold, PostgreSQL rightly prefers a scan.
  for (const filter of [{ grid: 'g-none' }, { _id: 'd0001' }, { _id: { $in: ['d0001', 'd0002'] } }, { tags: 't-none' }] as Filter[]) {
    const explained = await explain({ filter });
    expect(explained.filterPushdown).toBe(true);
    expect(plan(explained)).toMatch(/Bitmap Index Scan/);
  }
  for (const filter of [{ grid: 'g3' }, { name: { $regex: '^张' } }, { name: { $in: ['张三', null] } }, { $or: [{ n: { $gt: 3 } }, { n: 3, _id: { $gt: 'd0100' } }] }]) {
    const exact = await explain({ filter, sort: { name: 1, _id: 1 }, limit: 20 });
    expect({ filter, pushed: [exact.filterPushdown, exact.sortPushdown, exact.limitPushdown] }).toEqual({ filter, pushed: [true, true, true] });
  }
  const superset = await explain({ filter: { grid: 'g3', name: { $exists: true } }, sort: { name: 1 }, limit: 20 });
  expect([superset.sortPushdown, superset.limitPushdown]).toEqual([true, false]);
});
