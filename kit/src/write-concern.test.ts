import { connectDatabase } from './mongo';

// Writes go out with write concern { w: 'majority', j: true } (kit/src/mongo.ts). What the server does with it
// differs: MongoDB refuses a write concern it cannot satisfy; FerretDB v1 accepts any and ignores it (its SQLite
// backend commits each write before answering). docs/reliability.md records this.
let connection: Awaited<ReturnType<typeof connectDatabase>>;
let ferretdb = false;

beforeAll(async () => {
  connection = await connectDatabase({ uri: process.env.MONGODB_URI!, dbName: `${process.env.MONGODB_DB_PREFIX}_wc` });
  const info = await connection.db!.admin().command({ buildInfo: 1 });
  ferretdb = 'ferretdbVersion' in info; // FerretDB reports MongoDB 7.0.42 plus its own fields
});
afterAll(async () => {
  await connection.dropDatabase();
  await connection.close();
});

test('the connection sends majority + journal by default', async () => {
  const wc = connection.getClient().options.writeConcern;
  expect(wc).toMatchObject({ w: 'majority', journal: true });
  const seen: any[] = [];
  const listener = (e: { commandName: string; command: any }) => e.commandName === 'insert' && seen.push(e.command.writeConcern);
  connection.getClient().on('commandStarted', listener);
  await connection.collection('probe').insertOne({ a: 1 });
  connection.getClient().off('commandStarted', listener);
  expect(seen[0]).toMatchObject({ w: 'majority', j: true });
});

test('an unsatisfiable write concern: MongoDB refuses it, FerretDB v1 acknowledges it anyway', async () => {
  const write = connection.db!.command({ insert: 'probe', documents: [{ b: 1 }], writeConcern: { w: 7, wtimeout: 200 } });
  if (ferretdb) await expect(write).resolves.toMatchObject({ ok: 1, n: 1 });
  else await expect(write.then((r) => (r.writeConcernError ? Promise.reject(r.writeConcernError) : r))).rejects.toBeDefined();
  const bogus = connection.db!.command({ insert: 'probe', documents: [{ c: 1 }], writeConcern: { w: 'no-such-tag' } });
  if (ferretdb) await expect(bogus).resolves.toMatchObject({ ok: 1 });
  else await expect(bogus).rejects.toThrow();
});
