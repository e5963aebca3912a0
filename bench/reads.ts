/**
 * `npm run bench:reads`: what the embedded database still cannot answer from an index, at each seeded scale. Each
 * read below is one the departments send (same filter, sort and limit), sent straight to the database 10 times;
 * the table gives the median and the slowest in ms, per scale (`cg` = demo from `npm start`, `county`, `bench` from
 * `npm run bench:perf`). Scales not seeded in `.data/db` are left out. docs/benchmarks.md explains each row.
 */
import path from 'node:path';
import mongoose from 'mongoose';
import { departmentDbName, ensureMongo, repoRoot } from '@cg/kit';

type Db = mongoose.mongo.Db;
type Read = [label: string, department: string, run: (db: Db) => Promise<unknown>];

const page = (db: Db, collection: string, filter: object, sort: Record<string, 1 | -1>, limit = 21) => db.collection(collection).find(filter).sort(sort).limit(limit).toArray();

const reads: Read[] = [
  ['residents: first page, by name', 'civil-affairs', (db) => page(db, 'residents', {}, { name: 1, _id: 1 })],
  ['residents: total', 'civil-affairs', (db) => db.command({ count: 'residents', query: {} })],
  [
    'residents: page 2, by name (keyset $or of a range)',
    'civil-affairs',
    async (db) => {
      const [last] = await page(db, 'residents', {}, { name: 1, _id: 1 }, 20).then((rows) => rows.slice(-1));
      return page(db, 'residents', { $or: [{ name: { $gt: last!.name } }, { name: last!.name, _id: { $gt: last!._id } }] }, { name: 1, _id: 1 });
    },
  ],
  ['residents: name prefix 仉 (anchored literal regex)', 'civil-affairs', (db) => page(db, 'residents', { name: { $regex: '^仉' } }, { name: 1, _id: 1 })],
  ['residents: name contains 伟 (regex, not pushed down)', 'civil-affairs', (db) => page(db, 'residents', { name: { $regex: '伟' } }, { name: 1, _id: 1 })],
  ['residents: registered, total (`$in` with null)', 'civil-affairs', (db) => db.command({ count: 'residents', query: { residency: { $in: ['REGISTERED', null] } } })],
  ['residents: not floating, total (`$ne`: not exact, counted in Go)', 'civil-affairs', (db) => db.command({ count: 'residents', query: { residency: { $ne: 'FLOATING' } } })],
  ['visits: one month (date range, exact)', 'civil-affairs', (db) => page(db, 'visits', { visitedOn: { $gte: '2026-03-01', $lt: '2026-04-01' } }, { visitedOn: -1, _id: 1 })],
  [
    'joint cases: by task unit (dotted path, not pushed down)',
    'party',
    async (db) => {
      const unit = (await db.collection('joint_cases').findOne({ 'tasks.0': { $exists: true } }))?.tasks?.[0]?.unitId ?? 'none';
      return page(db, 'joint_cases', { 'tasks.unitId': unit }, { submittedAt: -1, _id: 1 });
    },
  ],
  [
    'joint cases: categories of open cases (aggregate $group in Go)',
    'party',
    (db) =>
      db
        .collection('joint_cases')
        .aggregate([{ $match: { status: { $in: ['SUBMITTED', 'DISPATCHED', 'ACCEPTED', 'IN_PROGRESS'] } } }, { $group: { _id: '$category', n: { $sum: 1 } } }])
        .toArray(),
  ],
  [
    'job postings: title contains 工 (regex, case-insensitive)',
    'employment',
    (db) => page(db, 'job_postings', { title: { $regex: '工', $options: 'i' } }, { postedOn: -1, _id: 1 }),
  ],
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const mongo = await ensureMongo({ dataDir: path.join(repoRoot, '.data', 'db'), log: (line) => console.error(`[database] ${line}`) });
  const client = await mongoose.mongo.MongoClient.connect(mongo.uri);
  try {
    const existing = new Set((await client.db().admin().listDatabases()).databases.map((d) => d.name));
    const scales = [
      ['demo', 'cg'],
      ['county', 'county'],
      ['bench', 'bench'],
    ].filter(([, prefix]) => existing.has(departmentDbName('civil-affairs', prefix)));
    const residents = await Promise.all(scales.map(([, prefix]) => client.db(departmentDbName('civil-affairs', prefix)).collection('residents').estimatedDocumentCount()));
    console.log(`| read | ${scales.map(([name], i) => `${name} (${residents[i]} residents): median / max ms`).join(' | ')} |`);
    console.log(`| --- | ${scales.map(() => '---:').join(' | ')} |`);
    for (const [label, department, run] of reads) {
      const cells: string[] = [];
      for (const [, prefix] of scales) {
        const db = client.db(departmentDbName(department, prefix));
        await run(db); // warm
        const times: number[] = [];
        for (let i = 0; i < 10; i++) {
          const started = performance.now();
          await run(db);
          times.push(performance.now() - started);
        }
        cells.push(`${median(times).toFixed(0)} / ${Math.max(...times).toFixed(0)}`);
      }
      console.log(`| ${label} | ${cells.join(' | ')} |`);
    }
  } finally {
    await client.close();
    await mongo.stop();
  }
}
main().catch((error) => (console.error(error), process.exit(1)));
