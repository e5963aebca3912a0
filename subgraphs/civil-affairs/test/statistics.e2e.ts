import type { World } from '@cg/kit';
import { buildWorld, expectError, type Stack, startStack } from '@cg/kit/testing';
import { expectedStatistics } from './statisticsExpected';

// Statistics (统计) of a community, a grid and a party branch, each figure checked against the seeded records.
let stack: Stack;
let world: World;
beforeAll(async () => {
  world = await buildWorld('small');
  stack = await startStack();
}, 180_000);
afterAll(() => stack.stop());

const FROM = '2026-01-01';
const TO = '2026-10-31';
const FIGURES = `id scope scopeId from to residentCount visitsDue visitsDone mustVisitResidents disputesReceived disputesResolved
  civilityPointsRanking(first: 100) { totalCount edges { node { rank points resident { id } } } }
  dualReporting { inServiceMembers reported rate } dualReportingServiceHours
  employment { workingAgeResidents employed employmentRate welfarePostsFilled }`;
const STATISTICS = `query($scope: StatisticsScopeKind!, $id: ID!, $from: String!, $to: String!) { statistics(scope: $scope, id: $id, from: $from, to: $to) { ${FIGURES} } }`;

const civil = () => world['civil-affairs']!;
const communityId = () => civil().Community![0]!._id;
const topGrids = () => civil().Grid!.filter((g) => !g.level || g.level === 'GRID');

/** The API's answer in the shape of expectedStatistics. */
function comparable(s: any) {
  return {
    residentCount: s.residentCount,
    visitsDue: s.visitsDue,
    visitsDone: s.visitsDone,
    mustVisitResidents: s.mustVisitResidents,
    disputesReceived: s.disputesReceived,
    disputesResolved: s.disputesResolved,
    ranking: s.civilityPointsRanking.edges.map(({ node }: any) => ({ rank: node.rank, residentId: node.resident.id, points: node.points })),
    dualReporting: s.dualReporting,
    dualReportingServiceHours: s.dualReportingServiceHours,
    employment: s.employment,
  };
}

function expected(gridIds: string[], from = FROM, to = TO) {
  const figures = expectedStatistics(world, gridIds, from, to);
  return { ...figures, ranking: figures.ranking.slice(0, 100) };
}

test('a community: every figure equals the count computed from the seeded records', async () => {
  const result = await stack.query(STATISTICS, { scope: 'COMMUNITY', id: communityId(), from: FROM, to: TO });
  expect(result.errors).toBeUndefined();
  const s = result.data.statistics;
  expect([s.scope, s.scopeId, s.from, s.to]).toEqual(['COMMUNITY', communityId(), FROM, TO]);
  const want = expected(topGrids().map((g) => g._id));
  expect(comparable(s)).toEqual(want);
  expect(s.civilityPointsRanking.totalCount).toBe(
    expectedStatistics(
      world,
      topGrids().map((g) => g._id),
      FROM,
      TO,
    ).ranking.length,
  );
  // The seeded world has something to count in every figure, so a figure stuck at zero would fail.
  for (const figure of [
    want.visitsDue,
    want.visitsDone,
    want.disputesReceived,
    want.disputesResolved,
    want.ranking.length,
    want.dualReporting.reported,
    want.dualReportingServiceHours,
    want.employment.employed,
    want.employment.welfarePostsFilled,
  ])
    expect(figure).toBeGreaterThan(0);
}, 60_000);

test('a grid through Community → Grid.statistics, and the branch covering it through PartyOrganization.statistics', async () => {
  const grid = topGrids()[1]!;
  const branch = world.party!.PartyOrganization!.find((o) => o.level === 'BRANCH' && (o.coveredGridIds as string[]).includes(grid._id))!;
  const result = await stack.query(
    `query($grid: ID!, $branch: ID!, $from: String!, $to: String!) {
      grid(id: $grid) { statistics(from: $from, to: $to) { ${FIGURES} } }
      partyOrganization(id: $branch) { statistics(from: $from, to: $to) { ${FIGURES} } }
    }`,
    { grid: grid._id, branch: branch._id, from: '2026-03-01', to: '2026-08-31' },
  );
  expect(result.errors).toBeUndefined();
  const want = expected(branch.coveredGridIds as string[], '2026-03-01', '2026-08-31');
  expect(comparable(result.data.partyOrganization.statistics)).toEqual(want);
  expect(comparable(result.data.grid.statistics)).toEqual(expected([grid._id], '2026-03-01', '2026-08-31'));
  expect(result.data.partyOrganization.statistics.scope).toBe('PARTY_BRANCH');
}, 60_000);

test('every grid of a page with its statistics: one answer per grid, each its own figures', async () => {
  const result = await stack.query(
    `query($c: ID!) { grids(filter: { communityId: $c, level: GRID }, first: 10) { edges { node { id statistics(from: "${FROM}", to: "${TO}") {
      visitsDone disputesReceived dualReporting { inServiceMembers reported } employment { workingAgeResidents employed } } } } } }`,
    { c: communityId() },
  );
  expect(result.errors).toBeUndefined();
  for (const { node } of result.data.grids.edges) {
    const want = expectedStatistics(world, [node.id], FROM, TO);
    expect(node.statistics).toEqual({
      visitsDone: want.visitsDone,
      disputesReceived: want.disputesReceived,
      dualReporting: { inServiceMembers: want.dualReporting.inServiceMembers, reported: want.dualReporting.reported },
      employment: { workingAgeResidents: want.employment.workingAgeResidents, employed: want.employment.employed },
    });
  }
}, 60_000);

test('the ranking pages: the second page continues the first', async () => {
  const q = `query($c: ID!, $after: String) { community(id: $c) { statistics(from: "${FROM}", to: "${TO}") { civilityPointsRanking(first: 5, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { rank points resident { id } } } } } } }`;
  const first = (await stack.query(q, { c: communityId() })).data.community.statistics.civilityPointsRanking;
  const second = (await stack.query(q, { c: communityId(), after: first.pageInfo.endCursor })).data.community.statistics.civilityPointsRanking;
  const want = expectedStatistics(
    world,
    topGrids().map((g) => g._id),
    FROM,
    TO,
  ).ranking.slice(0, 10);
  expect([...first.edges, ...second.edges].map(({ node }: any) => ({ rank: node.rank, residentId: node.resident.id, points: node.points }))).toEqual(want);
  expect(first.pageInfo.hasNextPage).toBe(true);
  expectError(await stack.query(q, { c: communityId(), after: 'not-a-cursor' }), 'BAD_USER_INPUT', 'after');
}, 60_000);

test('bad ranges and scopes are typed errors', async () => {
  const ask = (vars: Record<string, unknown>) => stack.query(STATISTICS, { scope: 'COMMUNITY', id: communityId(), from: FROM, to: TO, ...vars });
  expect(expectError(await ask({ from: '2026-06-01', to: '2026-05-31' }), 'BAD_USER_INPUT', 'from').reason).toBe('RANGE_REVERSED');
  expect(expectError(await ask({ from: '2025-01-01', to: '2026-01-02' }), 'BAD_USER_INPUT', 'to').reason).toBe('RANGE_TOO_LONG');
  expectError(await ask({ from: '2026-02-30' }), 'BAD_USER_INPUT', 'from');
  expectError(await ask({ id: 'nope' }), 'BAD_USER_INPUT', 'id');
  expectError(await ask({ id: 'ffffffffffffffffffffffff' }), 'NOT_FOUND', 'id');
  expectError(await ask({ scope: 'GRID', id: 'ffffffffffffffffffffffff' }), 'NOT_FOUND', 'id');
  const building = civil().Grid!.find((g) => g.level === 'BUILDING')!;
  expectError(await ask({ scope: 'GRID', id: building._id }), 'BAD_USER_INPUT', 'id');
  expectError(await ask({ scope: 'PARTY_BRANCH', id: 'ffffffffffffffffffffffff' }), 'NOT_FOUND', 'id');
}, 60_000);

test('who may see statistics: staff yes, a grid worker only their grid, residents and property staff never', async () => {
  const [own, other] = [civil().Grid!.find((g) => g.code === 'ZB-YHM-01')!, civil().Grid!.find((g) => g.code === 'ZB-YHM-02')!];
  const ask = (scope: string, id: string, as: string) => stack.query(STATISTICS, { scope, id, from: FROM, to: TO }, { as });
  expectError(await ask('COMMUNITY', communityId(), 'resident'), 'FORBIDDEN');
  expectError(await ask('GRID', own._id, 'property-staff'), 'FORBIDDEN');
  expect((await ask('COMMUNITY', communityId(), 'party-secretary')).errors).toBeUndefined();
  const mine = await ask('GRID', own._id, 'grid-worker');
  expect(mine.errors).toBeUndefined();
  expect(mine.data.statistics.visitsDone).toBe(expectedStatistics(world, [own._id], FROM, TO).visitsDone);
  expectError(await ask('GRID', other._id, 'grid-worker'), 'FORBIDDEN');
  expectError(await ask('COMMUNITY', communityId(), 'grid-worker'), 'FORBIDDEN');
  const otherBranch = world.party!.PartyOrganization!.find((o) => o.level === 'BRANCH' && (o.coveredGridIds as string[]).includes(other._id))!;
  const viaBranch = await stack.query(
    `query($id: ID!) { partyOrganization(id: $id) { statistics(from: "${FROM}", to: "${TO}") { dualReporting { rate } } } }`,
    { id: otherBranch._id },
    { as: 'grid-worker' },
  );
  expectError(viaBranch, 'FORBIDDEN', 'id');
}, 60_000);
