import mongoose from 'mongoose';
import { departmentDbName } from '@cg/kit';
import { sourcesHash, unchangedSeed } from '@cg/seed/fingerprints';
import { seedWorld } from '@cg/kit/testing';

// `npm start` re-checks the demo in seconds: when nothing the world is built from has changed and no collection lost
// documents, the world is not even built; otherwise a collection whose seed fingerprint matches what was last written
// is not read again, and a changed seed or a collection that lost documents is written again, and only that one.
jest.setTimeout(120_000);

const prefix = process.env.MONGODB_DB_PREFIX!;
const uri = process.env.MONGODB_URI!;

test('a second seed skips every collection; a changed fingerprint or a lost document rewrites only that collection', async () => {
  const first = await seedWorld(uri, 'small', prefix);
  expect(first.every((c) => !c.unchanged && c.inserted === c.documents)).toBe(true);

  const again = await seedWorld(uri, 'small', prefix);
  expect(again.filter((c) => !c.unchanged)).toEqual([]);
  expect(again.reduce((n, c) => n + c.documents, 0)).toBe(first.reduce((n, c) => n + c.documents, 0));
  // Sources changed (a pull): the quick check gives way to the comparison collection by collection.
  expect(await unchangedSeed(uri, 'small', 'after a pull', prefix)).toBeNull();
  expect(await unchangedSeed(uri, 'small', sourcesHash('small'), prefix)).toHaveLength(first.length);

  const civil = await mongoose.createConnection(uri, { dbName: departmentDbName('civil-affairs', prefix) }).asPromise();
  try {
    await civil.db!.collection('visits').deleteOne({});
    await civil.db!.collection('seed_fingerprints').updateOne({ _id: 'grids' as never }, { $set: { sha256: 'from an older seed' } });
  } finally {
    await civil.close();
  }
  const third = await seedWorld(uri, 'small', prefix);
  const rewritten = third.filter((c) => !c.unchanged).map(({ department, collection, inserted, changed }) => ({ department, collection, inserted, changed }));
  expect(rewritten).toEqual(
    [
      { department: 'civil-affairs', collection: 'grids', inserted: 0, changed: 0 },
      { department: 'civil-affairs', collection: 'visits', inserted: 1, changed: 0 },
    ].sort((a, b) => third.findIndex((c) => c.collection === a.collection) - third.findIndex((c) => c.collection === b.collection)),
  );
});
