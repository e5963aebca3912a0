import { connectDatabase } from './mongo';
import { entitySchema } from './model';
import { trusted } from './mongo';
import { updateIf, withLock } from './lock';

// Against the real test database: the lease serialises read-modify-write sequences that would otherwise interleave.
test('withLock serialises concurrent read-modify-write on one key and frees the lease afterwards', async () => {
  const connection = await connectDatabase({ uri: process.env.MONGODB_URI!, dbName: `${process.env.MONGODB_DB_PREFIX}_lock` });
  try {
    const counters = connection.collection<{ _id: string; n: number }>('counters');
    await counters.insertOne({ _id: 'c', n: 0 });
    const bump = () =>
      withLock(connection, 'counter:c', async () => {
        const { n } = (await counters.findOne({ _id: 'c' }))!;
        await new Promise((r) => setTimeout(r, 2));
        await counters.updateOne({ _id: 'c' }, { $set: { n: n + 1 } });
      });
    await Promise.all(Array.from({ length: 15 }, bump));
    expect((await counters.findOne({ _id: 'c' }))!.n).toBe(15);
    expect(await connection.collection('locks').countDocuments()).toBe(0);
    await expect(
      withLock(connection, 'counter:c', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await connection.collection('locks').countDocuments()).toBe(0);
  } finally {
    await connection.dropDatabase();
    await connection.close();
  }
});

test('an expired lease left behind is taken over', async () => {
  const connection = await connectDatabase({ uri: process.env.MONGODB_URI!, dbName: `${process.env.MONGODB_DB_PREFIX}_lock2` });
  try {
    await connection.collection<any>('locks').insertOne({ _id: 'stale', owner: 'crashed', expiresAt: new Date(Date.now() - 1000) });
    await expect(withLock(connection, 'stale', async () => 'ran')).resolves.toBe('ran');
    await connection.collection<any>('locks').insertOne({ _id: 'held', owner: 'alive', expiresAt: new Date(Date.now() + 60_000) });
    await expect(withLock(connection, 'held', async () => 'ran', { waitMs: 100 })).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
  } finally {
    await connection.dropDatabase();
    await connection.close();
  }
});

test('updateIf: concurrent conditional spends never overdraw (FerretDB v1 alone lets all of them through)', async () => {
  const connection = await connectDatabase({ uri: process.env.MONGODB_URI!, dbName: `${process.env.MONGODB_DB_PREFIX}_lock3` });
  try {
    const Account = connection.model('Account', entitySchema('accounts', { balance: Number }));
    const id = 'a'.repeat(24);
    await Account.create({ _id: id, balance: 300 });
    const spend = () => updateIf<{ balance: number }>(Account, id, { balance: trusted({ $gte: 100 }) }, { $inc: { balance: -100 } });
    const results = await Promise.all(Array.from({ length: 10 }, spend));
    expect(results.filter(Boolean)).toHaveLength(3);
    expect(((await Account.findById(id).lean()) as any).balance).toBe(0);
  } finally {
    await connection.dropDatabase();
    await connection.close();
  }
});
