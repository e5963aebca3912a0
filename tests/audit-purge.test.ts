import mongoose from 'mongoose';
import { AUDIT_COLLECTION, departmentDbName } from '@cg/kit';
import { purgeAudit } from '../scripts/purge-audit';

// `npm run purge-audit` walks every department's access records and keeps 3 years; the model itself refuses deletes.
const uri = process.env.MONGODB_URI!;
type AccessRecord = { _id: string; at: string; requestId: string; answeredBy: string; operationType: string };
const records = () => mongoose.connection.useDb(departmentDbName('party')).collection<AccessRecord>(AUDIT_COLLECTION);

beforeAll(() => mongoose.connect(uri));
afterAll(async () => {
  await mongoose.connection.useDb(departmentDbName('party')).dropDatabase();
  await mongoose.disconnect();
});

test('the purge removes only records older than the retention and refuses less than 3 years', async () => {
  const now = new Date();
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
  await records().insertMany([
    { _id: 'old-1', at: daysAgo(1200), requestId: 'old', answeredBy: 'party', operationType: 'query' },
    { _id: 'young-1', at: daysAgo(1000), requestId: 'young', answeredBy: 'party', operationType: 'query' },
  ]);
  await expect(purgeAudit(uri, { days: 365, now })).rejects.toThrow(/at least 1096/);
  const dry = await purgeAudit(uri, { days: 1100, now, dryRun: true });
  expect(dry.results.find((r) => r.department === 'party')!.removed).toBe(1);
  expect(await records().countDocuments({ requestId: 'old' })).toBe(1);
  await purgeAudit(uri, { days: 1100, now });
  expect(await records().countDocuments({ requestId: 'old' })).toBe(0);
  expect(await records().countDocuments({ requestId: 'young' })).toBe(1);
});
