import { expectError, snapshot, useStack } from '@cg/kit/testing';
import { expectedStatistics } from './statisticsExpected';

// Statistics (统计) of a community, a grid and a party branch, each figure checked against the seeded records.
// A community's figures read every resident of it; on this shared machine a cold first answer measured 2.5–5 s,
// over the gateway's 2.5 s budget per department. Speed is bench/statistics.ts's subject, not this file's.
Object.assign(process.env, { CIVIL_AFFAIRS_TIMEOUT_MS: '20000', PARTY_TIMEOUT_MS: '20000', EMPLOYMENT_TIMEOUT_MS: '20000', PEER_TIMEOUT_MS: '20000' });
const { stack, world } = useStack();

const FROM = '2026-01-01';
const TO = '2026-10-31';
const FIGURES = `id scope scopeId from to residentCount visitsDue visitsDone mustVisitResidents disputesReceived disputesResolved
  civilityPointsRanking(first: 100) { totalCount edges { node { rank points resident { id } } } }
  dualReporting { inServiceMembers reported rate } dualReportingServiceHours
  employment { workingAgeResidents employed employmentRate welfarePostsFilled }`;
const STATISTICS = `query($scope: StatisticsScopeKind!, $id: ID!, $from: String!, $to: String!) { statistics(scope: $scope, id: $id, from: $from, to: $to) { ${FIGURES} } }`;

const civil = () => world()['civil-affairs']!;
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
  const figures = expectedStatistics(world(), gridIds, from, to);
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
      world(),
      topGrids().map((g) => g._id),
      FROM,
      TO,
    ).ranking.length,
  );
  // The seeded world has something to count in every figure (disputes resolved: the next test), so a figure stuck at zero would fail.
  for (const figure of [
    want.visitsDue,
    want.visitsDone,
    want.disputesReceived,
    want.ranking.length,
    want.dualReporting.reported,
    want.dualReportingServiceHours,
    want.employment.employed,
    want.employment.welfarePostsFilled,
  ])
    expect(figure).toBeGreaterThan(0);
}, 60_000);

test('disputes: received in the range, and resolved in it whenever reported', async () => {
  const [from, to] = ['2025-10-01', '2026-09-30'];
  const result = await stack.query(STATISTICS, { scope: 'COMMUNITY', id: communityId(), from, to });
  expect(result.errors).toBeUndefined();
  const want = expected(
    topGrids().map((g) => g._id),
    from,
    to,
  );
  expect([want.disputesReceived, want.disputesResolved].every((n) => n > 0)).toBe(true);
  expect(comparable(result.data.statistics)).toEqual(want);
}, 60_000);

test('a grid through Community → Grid.statistics, and the branch covering it through PartyOrganization.statistics', async () => {
  const grid = topGrids()[1]!;
  const branch = world().party!.PartyOrganization!.find((o) => o.level === 'BRANCH' && (o.coveredGridIds as string[]).includes(grid._id))!;
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
    const want = expectedStatistics(world(), [node.id], FROM, TO);
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
    world(),
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
  expect(mine.data.statistics.visitsDone).toBe(expectedStatistics(world(), [own._id], FROM, TO).visitsDone);
  expectError(await ask('GRID', other._id, 'grid-worker'), 'FORBIDDEN');
  expectError(await ask('COMMUNITY', communityId(), 'grid-worker'), 'FORBIDDEN');
  const otherBranch = world().party!.PartyOrganization!.find((o) => o.level === 'BRANCH' && (o.coveredGridIds as string[]).includes(other._id))!;
  const viaBranch = await stack.query(
    `query($id: ID!) { partyOrganization(id: $id) { statistics(from: "${FROM}", to: "${TO}") { dualReporting { rate } } } }`,
    { id: otherBranch._id },
    { as: 'grid-worker' },
  );
  expectError(viaBranch, 'FORBIDDEN', 'id');
}, 60_000);

const GRANT = `mutation($input: GrantCivilityAwardInput!) { grantCivilityAward(input: $input) { id kind period points grantedOn resident { id } household { id } grid { id } } }`;
const AWARDS = `query($c: ID!, $kind: CivilityAwardKind) { community(id: $c) { statistics(from: "2026-01-01", to: "2026-10-31") {
  civilityAwards(kind: $kind, first: 10) { totalCount edges { node { id kind period points resident { id } } } } } } }`;

/** Points each resident earned in a month (YYYY-MM) of the seeded ledgers, the China calendar month. */
function earnedIn(month: string): Map<string, number> {
  const sums = new Map<string, number>();
  for (const e of civil().CivilityPointsEntry!) {
    const day = new Date(Date.parse(e.occurredAt as string) + 8 * 3_600_000).toISOString().slice(0, 7);
    if (e.kind === 'EARN' && day === month) sums.set(e.residentId as string, (sums.get(e.residentId as string) ?? 0) + (e.points as number));
  }
  return sums;
}

test("awards (文明表彰): a clerk grants the month's star from the ranking; the statistics list it; a second award is CONFLICT", async () => {
  const [residentId, points] = [...earnedIn('2026-02')].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]!;
  const input = { kind: 'MONTHLY_STAR', period: '2026-02', residentId, idempotencyKey: 'award-star-2026-02' };
  const granted = await stack.query(GRANT, { input });
  expect(granted.errors).toBeUndefined();
  expect(granted.data.grantCivilityAward).toMatchObject({ kind: 'MONTHLY_STAR', period: '2026-02', points, resident: { id: residentId } });
  const retried = await stack.query(GRANT, { input });
  expect(retried.data.grantCivilityAward.id).toBe(granted.data.grantCivilityAward.id);

  const before = await snapshot(stack, ['civil-affairs']);
  expect(expectError(await stack.query(GRANT, { input: { ...input, idempotencyKey: 'award-star-2026-02-again' } }), 'CONFLICT', 'residentId').reason).toBe('ALREADY_AWARDED');
  expectError(await stack.query(GRANT, { input: { ...input, period: '2026' } }), 'BAD_USER_INPUT', 'period');
  expectError(await stack.query(GRANT, { input: { ...input, period: '2099-01' } }), 'BAD_USER_INPUT', 'period');
  const idle = civil().Resident!.find((r) => !civil().CivilityPointsEntry!.some((e) => e.residentId === r._id))!;
  expect(expectError(await stack.query(GRANT, { input: { ...input, residentId: idle._id } }), 'CONFLICT', 'residentId').reason).toBe('NO_POINTS_IN_PERIOD');
  for (const as of ['grid-worker', 'party-secretary', 'resident']) expectError(await stack.query(GRANT, { input: { ...input, period: '2026-03' } }, { as }), 'FORBIDDEN');
  expect(await snapshot(stack, ['civil-affairs'])).toBe(before);

  const listed = (await stack.query(AWARDS, { c: communityId(), kind: 'MONTHLY_STAR' })).data.community.statistics.civilityAwards;
  expect(listed.totalCount).toBe(1);
  expect(listed.edges[0].node).toMatchObject({ id: granted.data.grantCivilityAward.id, resident: { id: residentId } });
}, 60_000);

test("文明之家 is a household's yearly award: once per household, the members' points of the year", async () => {
  const household = civil().Household!.find((h) => {
    const members = civil().Resident!.filter((r) => r.householdId === h._id);
    return members.length >= 2 && members.some((m) => civil().CivilityPointsEntry!.some((e) => e.residentId === m._id && e.kind === 'EARN'));
  })!;
  const members = civil()
    .Resident!.filter((r) => r.householdId === household._id)
    .map((r) => r._id);
  const points = civil()
    .CivilityPointsEntry!.filter(
      (e) =>
        e.kind === 'EARN' &&
        members.includes(e.residentId as string) &&
        (e.occurredAt as string) >= '2025-12-31T16:00:00.000Z' &&
        (e.occurredAt as string) < '2026-12-31T16:00:00.000Z',
    )
    .reduce((sum, e) => sum + (e.points as number), 0);
  const granted = await stack.query(GRANT, { input: { kind: 'CIVILIZED_FAMILY', period: '2026', residentId: members[0] } });
  expect(granted.errors).toBeUndefined();
  expect(granted.data.grantCivilityAward).toMatchObject({ kind: 'CIVILIZED_FAMILY', period: '2026', points, household: { id: household._id } });
  expect(expectError(await stack.query(GRANT, { input: { kind: 'CIVILIZED_FAMILY', period: '2026', residentId: members[1] } }), 'CONFLICT', 'residentId').reason).toBe(
    'ALREADY_AWARDED',
  );
  const listed = (await stack.query(AWARDS, { c: communityId(), kind: 'CIVILIZED_FAMILY' })).data.community.statistics.civilityAwards;
  expect(listed.edges.map(({ node }: any) => node.id)).toEqual([granted.data.grantCivilityAward.id]);
}, 60_000);
