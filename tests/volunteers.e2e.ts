import { departmentDbName, listSubgraphs, stableId, startDepartment, type World } from '@cg/kit';
import { buildWorld, expectError, loadDepartment, snapshot, startStack, type Stack } from '@cg/kit/testing';

// 志愿服务 through the gateway: a team, its members (one a party member, confirmed with party), activities with
// attendance; each attendance credits points once — party's 志愿服务积分 through party's SERVICE-only mutation, or
// civility points here — including while party is down (PENDING, credited by the sweep later, never twice).
let stack: Stack;
let world: World;
const COMMUNITY = stableId('community', '义合美新城社区');
const today = new Date().toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));

beforeAll(async () => {
  world = await buildWorld('small');
  stack = await startStack(); // as a civil-affairs clerk
}, 120_000);
afterAll(() => stack.stop());

async function ok(query: string, variables?: Record<string, unknown>, as?: string) {
  const { data, errors } = await stack.query(query, variables, as ? { as } : {});
  if (errors) throw new Error(JSON.stringify(errors));
  return data;
}
const TEAM = `mutation($input: CreateVolunteerTeamInput!) { createVolunteerTeam(input: $input) { id name organizingUnit community { id } memberCount } }`;
const MEMBER = `mutation($input: AddVolunteerMemberInput!) { addVolunteerMember(input: $input) { id resident { id } partyMember { id } team { id } } }`;
const ACTIVITY = `mutation($input: RecordVolunteerActivityInput!) { recordVolunteerActivity(input: $input) {
  id kind attendeeCount totalHours attendances { id hours member { id } creditTarget creditStatus creditAttempts creditError } } }`;
const RETRY = `mutation { retryVolunteerCredits(limit: 50) { attempted credited stillPending } }`;

const partyDb = () => stack.departments.party!.connection.db!;
const civilDb = () => stack.departments['civil-affairs']!.connection.db!;
const started = new Date();
/** The member's volunteer entries written by this test (the seed credited a year of work before). */
const volunteerEntries = (memberId: string) =>
  partyDb()
    .collection('point_entries')
    .find({ memberId, sourceType: 'VOLUNTEER', createdAt: { $gte: started } })
    .toArray();
const earned = async (residentId: string) => (await civilDb().collection('civility_points_accounts').findOne({ residentId }))?.earnedTotal ?? 0;

test('teams, members, activities: bad input changes nothing; forbidden callers are refused; credits happen once, party down included', async () => {
  const members = new Set(world.party!.PartyMember!.map((m) => m.residentId));
  const plain = world['civil-affairs']!.Resident!.filter((r) => !members.has(r._id));
  const [r0, r1] = [plain[0]!._id, plain[1]!._id];
  const pm = world.party!.PartyMember![3]!;
  const other = world.party!.PartyMember![4]!;
  const team = { name: '青年志愿服务队', organizingUnit: '团县委', communityId: COMMUNITY, foundedOn: '2020-03-05' };

  // --- teams
  const before = await snapshot(stack, ['civil-affairs', 'party']);
  for (const [input, code, field] of [
    [{ ...team, name: ' ' }, 'BAD_USER_INPUT', 'name'],
    [{ ...team, organizingUnit: '' }, 'BAD_USER_INPUT', 'organizingUnit'],
    [{ ...team, communityId: 'x' }, 'BAD_USER_INPUT', 'communityId'],
    [{ ...team, communityId: stableId('no such community') }, 'NOT_FOUND', 'communityId'],
    [{ ...team, foundedOn: '2999-01-01' }, 'BAD_USER_INPUT', 'foundedOn'],
  ] as const) {
    expectError(await stack.query(TEAM, { input }), code, field);
  }
  expectError(await stack.query(TEAM, { input: team }, { as: 'party-secretary' }), 'FORBIDDEN');
  expectError(await stack.query(TEAM, { input: team }, { as: 'property-staff' }), 'FORBIDDEN');
  expect(await snapshot(stack, ['civil-affairs', 'party'])).toBe(before);
  const t = (await ok(TEAM, { input: { ...team, idempotencyKey: 'team-youth-0001' } })).createVolunteerTeam;
  expect((await ok(TEAM, { input: { ...team, idempotencyKey: 'team-youth-0001' } })).createVolunteerTeam.id).toBe(t.id);
  const t2 = (await ok(TEAM, { input: { ...team, name: '健康义诊志愿服务队', organizingUnit: '县医院' } })).createVolunteerTeam;

  // --- members: a party member is confirmed with party to be this resident
  const join = { teamId: t.id, joinedOn: '2021-01-01' };
  const m0 = (await ok(MEMBER, { input: { ...join, residentId: r0 } })).addVolunteerMember;
  expect(m0).toMatchObject({ resident: { id: r0 }, partyMember: null });
  const snap = await snapshot(stack, ['civil-affairs']);
  for (const [input, code, field] of [
    [{ ...join, residentId: pm.residentId, partyMemberId: other._id }, 'BAD_USER_INPUT', 'partyMemberId'],
    [{ ...join, residentId: pm.residentId, partyMemberId: stableId('no such member') }, 'NOT_FOUND', 'partyMemberId'],
    [{ ...join, residentId: stableId('no such resident') }, 'NOT_FOUND', 'residentId'],
    [{ ...join, residentId: r1, joinedOn: '2019-01-01' }, 'BAD_USER_INPUT', 'joinedOn'],
    [{ ...join, teamId: stableId('no such team'), residentId: r1 }, 'NOT_FOUND', 'teamId'],
    [{ ...join, residentId: r0 }, 'CONFLICT', 'residentId'],
  ] as const) {
    expectError(await stack.query(MEMBER, { input }), code, field);
    expect(await snapshot(stack, ['civil-affairs'])).toBe(snap);
  }
  const mp = (await ok(MEMBER, { input: { ...join, residentId: pm.residentId, partyMemberId: pm._id } })).addVolunteerMember;
  expect(mp.partyMember).toEqual({ id: pm._id });
  const mOther = (await ok(MEMBER, { input: { teamId: t2.id, joinedOn: '2021-01-01', residentId: r1 } })).addVolunteerMember;

  // --- activities: bad input changes nothing in either department
  const activity = {
    teamId: t.id,
    kind: 'FREE_HAIRCUT',
    title: '义务理发进社区',
    place: '社区活动中心',
    heldOn: today,
    attendances: [
      { memberId: m0.id, hours: 2 },
      { memberId: mp.id, hours: 3 },
    ],
  };
  const both = await snapshot(stack, ['civil-affairs', 'party']);
  for (const [input, code, field] of [
    [{ ...activity, attendances: [] }, 'BAD_USER_INPUT', 'attendances'],
    [{ ...activity, attendances: [{ memberId: m0.id, hours: 0 }] }, 'BAD_USER_INPUT', 'attendances'],
    [{ ...activity, attendances: [{ memberId: m0.id, hours: 25 }] }, 'BAD_USER_INPUT', 'attendances'],
    [{ ...activity, attendances: [{ memberId: m0.id, hours: 1.3 }] }, 'BAD_USER_INPUT', 'attendances'],
    [
      {
        ...activity,
        attendances: [
          { memberId: m0.id, hours: 1 },
          { memberId: m0.id, hours: 1 },
        ],
      },
      'BAD_USER_INPUT',
      'attendances',
    ],
    [{ ...activity, attendances: [{ memberId: mOther.id, hours: 1 }] }, 'BAD_USER_INPUT', 'attendances'],
    [{ ...activity, attendances: [{ memberId: stableId('nobody'), hours: 1 }] }, 'NOT_FOUND', 'attendances'],
    [{ ...activity, title: '' }, 'BAD_USER_INPUT', 'title'],
    [{ ...activity, heldOn: '2999-01-01' }, 'BAD_USER_INPUT', 'heldOn'],
    [{ ...activity, heldOn: '2020-01-01' }, 'BAD_USER_INPUT', 'heldOn'],
  ] as const) {
    expectError(await stack.query(ACTIVITY, { input }), code, field);
    expect(await snapshot(stack, ['civil-affairs', 'party'])).toBe(both);
  }
  expectError(await stack.query(ACTIVITY, { input: { ...activity, kind: 'PARTY' } }), 'BAD_USER_INPUT');
  expectError(await stack.query(ACTIVITY, { input: activity }, { as: 'party-secretary' }), 'FORBIDDEN');
  // Party's credit is for civil affairs' service identity only, never a user's token.
  const credit = { memberId: pm._id, heldOn: today, hours: 2, reason: '义务理发', sourceRef: 'volunteer-attendance:forged-0001' };
  for (const as of ['civil-affairs-clerk', 'party-secretary']) {
    expectError(await stack.query(`mutation($input: CreditVolunteerPointsInput!) { creditVolunteerPoints(input: $input) { id } }`, { input: credit }, { as }), 'FORBIDDEN');
  }
  expect(await snapshot(stack, ['civil-affairs', 'party'])).toBe(both);

  // --- recorded: the member's hours go to party points, the resident's to civility points, once each
  const civilBefore = await earned(r0);
  const a1 = (await ok(ACTIVITY, { input: { ...activity, idempotencyKey: 'activity-haircut-0001' } })).recordVolunteerActivity;
  expect(a1).toMatchObject({ attendeeCount: 2, totalHours: 5 });
  expect(a1.attendances.map((a: any) => [a.member.id, a.creditTarget, a.creditStatus])).toEqual(
    expect.arrayContaining([
      [m0.id, 'CIVILITY_POINTS', 'CREDITED'],
      [mp.id, 'PARTY_POINTS', 'CREDITED'],
    ]),
  );
  const again = (await ok(ACTIVITY, { input: { ...activity, idempotencyKey: 'activity-haircut-0001' } })).recordVolunteerActivity;
  expect(again.id).toBe(a1.id);
  expect(await volunteerEntries(pm._id)).toHaveLength(1);
  expect((await volunteerEntries(pm._id))[0]).toMatchObject({ points: 6, month: today.slice(0, 7) });
  expect(await earned(r0)).toBe(civilBefore + 2);
  expect((await ok(RETRY)).retryVolunteerCredits).toMatchObject({ attempted: 0, stillPending: 0 });

  // --- party down: the activity is recorded, the member's credit waits (PENDING), the resident's is made here
  const party = stack.departments.party!;
  await party.stop();
  const a2 = (
    await ok(ACTIVITY, {
      input: {
        ...activity,
        kind: 'POSTER_REMOVAL',
        title: '清理小广告',
        attendances: [
          { memberId: m0.id, hours: 1 },
          { memberId: mp.id, hours: 1.5 },
        ],
      },
    })
  ).recordVolunteerActivity;
  const waiting = a2.attendances.find((a: any) => a.member.id === mp.id);
  expect(waiting).toMatchObject({ creditStatus: 'PENDING', creditAttempts: 1 });
  expect(waiting.creditError).toMatch(/party/);
  expect(a2.attendances.find((a: any) => a.member.id === m0.id).creditStatus).toBe('CREDITED');
  expect(await earned(r0)).toBe(civilBefore + 3);
  expect((await ok(RETRY)).retryVolunteerCredits).toMatchObject({ attempted: 1, credited: 0, stillPending: 1 });
  const pendingMeasures = await ok(`query($id: ID!, $y: Int!) { community(id: $id) { volunteerMeasures(year: $y) { creditsPending } } }`, { id: COMMUNITY, y: year });
  expect(pendingMeasures.community.volunteerMeasures.creditsPending).toBe(1);

  // Party back on the same port: the sweep credits it once; further sweeps find nothing.
  const entry = listSubgraphs().find((e) => e.name === 'party')!;
  stack.departments.party = await startDepartment(await loadDepartment(entry.dir), { mongoUri: process.env.MONGODB_URI!, dbName: departmentDbName('party'), port: party.port });
  expect((await ok(RETRY)).retryVolunteerCredits).toMatchObject({ attempted: 1, credited: 1, stillPending: 0 });
  expect((await ok(RETRY)).retryVolunteerCredits).toMatchObject({ attempted: 0, stillPending: 0 });
  let entries = await volunteerEntries(pm._id);
  expect(entries.map((e) => e.points).sort()).toEqual([3, 6]);
  expect(new Set(entries.map((e) => e.sourceId)).size).toBe(2);

  // A credit whose answer was lost (party credited, the flag stayed PENDING) is sent again and still counts once.
  await civilDb()
    .collection('volunteer_attendances')
    .updateOne({ _id: waiting.id }, { $set: { creditStatus: 'PENDING' } });
  expect((await ok(RETRY)).retryVolunteerCredits).toMatchObject({ attempted: 1, credited: 1, stillPending: 0 });
  entries = await volunteerEntries(pm._id);
  expect(entries).toHaveLength(2);

  // --- totals per team, resident and period, and the community's measures, against the stored rows
  const rows = await civilDb().collection('volunteer_attendances').find({ communityId: COMMUNITY, year }).toArray();
  const activities = await civilDb().collection('volunteer_activities').find({ communityId: COMMUNITY, year }).toArray();
  const teams = await civilDb().collection('volunteer_teams').find({ communityId: COMMUNITY }).toArray();
  const sum = (list: Array<{ hours: number }>) => list.reduce((s, r) => s + r.hours, 0);
  const { community } = await ok(
    `query($id: ID!, $y: Int!) { community(id: $id) { volunteerMeasures(year: $y) { year teams volunteers activities attendances hours creditsPending byKind { kind activities hours } } } }`,
    { id: COMMUNITY, y: year },
  );
  expect(community.volunteerMeasures).toMatchObject({
    year,
    teams: teams.length,
    volunteers: new Set(rows.map((r) => r.residentId)).size,
    activities: activities.length,
    attendances: rows.length,
    hours: sum(rows as any),
    creditsPending: rows.filter((r) => r.creditStatus === 'PENDING').length,
  });
  const haircut = community.volunteerMeasures.byKind.find((k: any) => k.kind === 'FREE_HAIRCUT');
  expect(haircut).toEqual({
    kind: 'FREE_HAIRCUT',
    activities: activities.filter((a) => a.kind === 'FREE_HAIRCUT').length,
    hours: sum(rows.filter((r) => r.kind === 'FREE_HAIRCUT') as any),
  });
  const month = today.slice(0, 7);
  const teamTotals = await ok(`query($id: ID!, $p: String!) { volunteerTeam(id: $id) { memberCount totals(period: $p) { period activities attendances hours } } }`, {
    id: t.id,
    p: month,
  });
  const ofTeam = rows.filter((r) => r.teamId === t.id && r.heldOn.startsWith(month));
  expect(teamTotals.volunteerTeam).toEqual({
    memberCount: 2,
    totals: { period: month, activities: new Set(ofTeam.map((r) => r.activityId)).size, attendances: ofTeam.length, hours: sum(ofTeam as any) },
  });
  const mine = await ok(`query($id: ID!, $p: String!) { resident(id: $id) { volunteerTotals(period: $p) { attendances hours } } }`, { id: r0, p: String(year) });
  expect(mine.resident.volunteerTotals).toEqual({ attendances: rows.filter((r) => r.residentId === r0).length, hours: sum(rows.filter((r) => r.residentId === r0) as any) });
  expectError(await stack.query(`query($id: ID!) { volunteerTeam(id: $id) { totals(period: "2026-13") { hours } } }`, { id: t.id }), 'BAD_USER_INPUT', 'period');
  expectError(await stack.query(`{ volunteerTeams(communityId: "${COMMUNITY}") { totalCount } }`, {}, { as: 'property-staff' }), 'FORBIDDEN');
}, 180_000);
