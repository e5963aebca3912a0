import { useStack } from '@cg/kit/testing';

// Statistics (统计) count what the departments' mutations write, not only the seeded records: points entries and
// employment records carry their resident's place from the moment they are written.
Object.assign(process.env, { CIVIL_AFFAIRS_TIMEOUT_MS: '20000', PARTY_TIMEOUT_MS: '20000', EMPLOYMENT_TIMEOUT_MS: '20000', PEER_TIMEOUT_MS: '20000' });
const { stack, world } = useStack();

const STATISTICS = `query($scope: StatisticsScopeKind!, $id: ID!) { statistics(scope: $scope, id: $id, from: "2026-01-01", to: "2026-12-31") {
  civilityPointsRanking(first: 1) { totalCount edges { node { rank points resident { id } } } } employment { employed } } }`;
const EARN = `mutation($input: EarnCivilityPointsInput!) { earnCivilityPoints(input: $input) { points } }`;
const STATUS = `mutation($input: RecordEmploymentStatusInput!) { recordEmploymentStatus(input: $input) { id } }`;

const civil = () => world()['civil-affairs']!;
/** A working-age resident (born 1990) without a points entry in the seeded ledgers. */
const resident = () => civil().Resident!.find((r) => String(r.birthDate).startsWith('1990') && !civil().CivilityPointsEntry!.some((e) => e.residentId === r._id))!;
const communityOf = (gridId: string) => civil().Grid!.find((g) => g._id === gridId)!.communityId as string;

async function statistics(scope: string, id: string) {
  const result = await stack.query(STATISTICS, { scope, id });
  expect(result.errors).toBeUndefined();
  return result.data.statistics;
}

test('points earned through the API count in the grid and community ranking', async () => {
  const r = resident();
  const before = await statistics('GRID', r.gridId as string);
  const earned = await stack.query(EARN, { input: { residentId: r._id, activity: '志愿服务', points: 100, idempotencyKey: 'stat-writes-earn-1' } });
  expect(earned.errors).toBeUndefined();
  for (const [scope, id] of [
    ['GRID', r.gridId as string],
    ['COMMUNITY', communityOf(r.gridId as string)],
  ]) {
    const after = (await statistics(scope!, id!)).civilityPointsRanking;
    expect(after.edges[0].node).toEqual({ rank: 1, points: 100, resident: { id: r._id } });
    if (scope === 'GRID') expect(after.totalCount).toBe(before.civilityPointsRanking.totalCount + 1);
  }
});

test('an employment status recorded through the API counts in the grid and community figures', async () => {
  const r = resident();
  const employerId = world().employment!.Employer![0]!._id;
  const scopes = [
    ['GRID', r.gridId as string],
    ['COMMUNITY', communityOf(r.gridId as string)],
  ] as const;
  const seeking = await stack.query(
    STATUS,
    { input: { residentId: r._id, status: 'SEEKING', since: '2026-11-20', idempotencyKey: 'stat-writes-status-1' } },
    { as: 'employment-clerk' },
  );
  expect(seeking.errors).toBeUndefined();
  const before = await Promise.all(scopes.map(([scope, id]) => statistics(scope, id)));
  const employed = await stack.query(
    STATUS,
    { input: { residentId: r._id, status: 'EMPLOYED', employerId, since: '2026-11-25', idempotencyKey: 'stat-writes-status-2' } },
    { as: 'employment-clerk' },
  );
  expect(employed.errors).toBeUndefined();
  const after = await Promise.all(scopes.map(([scope, id]) => statistics(scope, id)));
  expect(after.map((s) => s.employment.employed)).toEqual(before.map((s) => s.employment.employed + 1));
});
