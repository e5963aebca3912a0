import type { Connection } from 'mongoose';
import { observeCommands, stableId } from '@cg/kit';
import { connectTestDatabase } from '@cg/kit/testing';
import { createModels, type Models } from '../src/models';
import { membersMeetingQuota, missingItems, quotaCounts } from '../src/quota';

let connection: Connection;
let models: Models;
const [full, partial, idle] = ['full', 'partial', 'idle'].map((n) => stableId('quota-test', n)) as [string, string, string];

beforeAll(async () => {
  connection = await connectTestDatabase('party_quota_unit');
  models = createModels(connection);
  await Promise.all(Object.values(models).map((m) => m.init()));
  const post = stableId('quota-post');
  await models.PostClaim.insertMany([
    { postId: post, memberId: full, claimedOn: '2026-03-01', year: 2026 },
    { postId: post, memberId: partial, claimedOn: '2025-03-01', year: 2025 }, // last year's claim does not count
  ]);
  const activity = (memberId: string, kind: string, date: string) => ({ memberId, kind, date, year: Number(date.slice(0, 4)), content: 'x' });
  await models.ServiceActivity.insertMany([
    activity(full, 'HOUSEHOLD_CONTACT', '2026-04-02'),
    activity(full, 'VOLUNTEER_SERVICE', '2026-05-02'),
    activity(full, 'VOLUNTEER_SERVICE', '2026-06-02'),
    activity(full, 'SUGGESTION', '2026-07-02'),
    activity(partial, 'SUGGESTION', '2026-07-02'),
    activity(partial, 'HOUSEHOLD_CONTACT', '2025-12-30'),
  ]);
});
afterAll(async () => {
  await connection.dropDatabase();
  await connection.close();
});

test('counts per quota item for a year, zero for a member with nothing, in two grouped queries', async () => {
  const seen = observeCommands(connection);
  const counts = await quotaCounts(models, 2026, [full, partial, idle]);
  seen.stop();
  expect(seen.commands.map((c) => `${c.name} ${c.collection}`).sort()).toEqual(['aggregate post_claims', 'aggregate service_activities']);
  expect(counts.get(full)).toEqual({ POST: 1, HOUSEHOLD: 1, VOLUNTEER_SERVICE: 2, SUGGESTION: 1 });
  expect(missingItems(counts.get(full)!)).toEqual([]);
  expect(missingItems(counts.get(partial)!)).toEqual(['POST', 'HOUSEHOLD', 'VOLUNTEER_SERVICE']);
  expect(missingItems(counts.get(idle)!)).toEqual(['POST', 'HOUSEHOLD', 'VOLUNTEER_SERVICE', 'SUGGESTION']);
});

test('only members who did every item meet the quota, per year', async () => {
  expect(await membersMeetingQuota(models, 2026)).toEqual([full]);
  expect(await membersMeetingQuota(models, 2025)).toEqual([]);
});
