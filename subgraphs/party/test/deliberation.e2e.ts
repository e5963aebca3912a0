import { stableId, type Identity, type World } from '@cg/kit';
import { buildWorld, expectError, snapshot, startStack, type Stack } from '@cg/kit/testing';

// 议事协商 through the gateway: topics raised, a session held, outcomes recorded, follow-ups (a joint case through
// party's own 点单, a referral to a joint meeting), bad input changing nothing, forbidden callers, and the community's
// measures against counts made here from the stored rows.
let stack: Stack;
let world: World;
const COMMUNITY = stableId('community', '义合美新城社区');
const OTHER_COMMUNITY_SECRETARY = { scope: { communityIds: [stableId('community', 'no such community')], gridIds: [] } };

const who = (subject: string, department: string, role: string, communityIds: string[] = []): Identity => ({ subject, department, role, scope: { communityIds, gridIds: [] } });
const SECRETARY = who('secretary-yhm', 'party', 'PARTY_SECRETARY', [COMMUNITY]);
const GRID_WORKER = who('grid-worker-yhm', 'civil-affairs', 'GRID_WORKER');
const residentCaller = (id: string) => who(id, 'civil-affairs', 'RESIDENT');

async function as(identity: Identity, query: string, variables?: Record<string, unknown>) {
  return stack.query(query, variables, { token: await stack.token('party-secretary', identity) });
}
async function ok(identity: Identity, query: string, variables?: Record<string, unknown>) {
  const { data, errors } = await as(identity, query, variables);
  if (errors) throw new Error(JSON.stringify(errors));
  return data;
}

const TOPIC = `id title status raisedBy raisedByResident { id } grid { id } community { id } outcome outcomeNote session { id }
  followUp { kind meetingId note jointCase { id description status } }`;
// A resident may read a topic but not the session type (its participants), so this selection leaves `session` out.
const RAISE = `mutation($input: RaiseDeliberationTopicInput!) { raiseDeliberationTopic(input: $input) { ${TOPIC.replace('session { id }', '')} } }`;
const HOLD = `mutation($input: HoldDeliberationSessionInput!) { holdDeliberationSession(input: $input) {
  id format place heldOn community { id } participantCount topics { id status } participants { kind resident { id } member { id } unit { id } } } }`;
const OUTCOME = `mutation($input: RecordDeliberationOutcomeInput!) { recordDeliberationOutcome(input: $input) { ${TOPIC} } }`;
const TO_CASE = `mutation($input: RaiseCaseFromDeliberationInput!) { raiseCaseFromDeliberation(input: $input) { ${TOPIC} } }`;
const TO_MEETING = `mutation($input: ReferDeliberationToMeetingInput!) { referDeliberationToMeeting(input: $input) { ${TOPIC} } }`;
const MEASURES = `query($id: ID!, $year: Int!) { community(id: $id) { name deliberationMeasures(year: $year) {
  year sessions participants topicsRaised agreed notAgreed referred becameCases referredToMeetings
  sessionsByFormat { format sessions } byMonth { month sessions decided agreed } } } }`;

let residents: Array<{ _id: string; gridId: string; householdId: string }>;
let gridId: string;
const today = new Date().toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));

beforeAll(async () => {
  world = await buildWorld('small');
  stack = await startStack();
  const grids = new Set(world['civil-affairs']!.Grid!.filter((g) => g.communityId === COMMUNITY).map((g) => g._id));
  residents = (world['civil-affairs']!.Resident! as unknown as typeof residents).filter((r) => grids.has(r.gridId));
  gridId = residents[0]!.gridId;
}, 120_000);
afterAll(() => stack.stop());

const raiseInput = (extra: Record<string, unknown> = {}) => ({ gridId, title: '楼道堆放杂物', description: '三单元楼道长期堆放杂物，影响通行', raisedOn: today, ...extra });

test('raising a topic: bad input is a typed error naming the field and changes nothing; forbidden callers are refused', async () => {
  const before = await snapshot(stack, ['party']);
  const me = residentCaller(residents[0]!._id);
  const cases: Array<[Identity, Record<string, unknown>, string, string | undefined]> = [
    [GRID_WORKER, raiseInput({ title: '  ' }), 'BAD_USER_INPUT', 'title'],
    [GRID_WORKER, raiseInput({ title: '长'.repeat(101) }), 'BAD_USER_INPUT', 'title'],
    [GRID_WORKER, raiseInput({ gridId: 'grid-1' }), 'BAD_USER_INPUT', 'gridId'],
    [GRID_WORKER, raiseInput({ gridId: stableId('no such grid') }), 'NOT_FOUND', 'gridId'],
    [GRID_WORKER, raiseInput({ raisedOn: '2999-01-01' }), 'BAD_USER_INPUT', 'raisedOn'],
    [GRID_WORKER, raiseInput({ residentId: stableId('no such resident') }), 'NOT_FOUND', 'residentId'],
    // A resident raises only their own topic.
    [me, raiseInput({ residentId: residents[1]!._id }), 'FORBIDDEN', undefined],
    [who('staff', 'property', 'PROPERTY_STAFF'), raiseInput(), 'FORBIDDEN', undefined],
    [{ ...SECRETARY, ...OTHER_COMMUNITY_SECRETARY }, raiseInput(), 'FORBIDDEN', 'gridId'],
  ];
  for (const [caller, input, code, field] of cases) {
    expectError(await as(caller, RAISE, { input }), code, field);
    expect(await snapshot(stack, ['party'])).toBe(before);
  }
});

test('a year of one community: topics → session → outcomes → a case and a meeting referral; measures match the rows', async () => {
  const [r0, r1, r2] = residents as [(typeof residents)[0], (typeof residents)[0], (typeof residents)[0]];
  // Raised by residents themselves and by a grid worker on their behalf; a retry with the key raises nothing new.
  const t1 = (await ok(residentCaller(r0._id), RAISE, { input: raiseInput({ idempotencyKey: 'topic-yhm-0001' }) })).raiseDeliberationTopic;
  expect((await ok(residentCaller(r0._id), RAISE, { input: raiseInput({ idempotencyKey: 'topic-yhm-0001' }) })).raiseDeliberationTopic.id).toBe(t1.id);
  expect(t1).toMatchObject({ status: 'OPEN', raisedBy: 'RESIDENT', raisedByResident: { id: r0._id }, grid: { id: gridId }, community: { id: COMMUNITY }, outcome: null });
  const t2 = (await ok(GRID_WORKER, RAISE, { input: raiseInput({ title: '小区停车难', gridId: r1.gridId }) })).raiseDeliberationTopic;
  expect(t2).toMatchObject({ raisedBy: 'GRID_WORKER', raisedByResident: null });
  const t3 = (await ok(SECRETARY, RAISE, { input: raiseInput({ title: '广场舞噪音', residentId: r2._id, gridId: r2.gridId }) })).raiseDeliberationTopic;
  const t4 = (await ok(GRID_WORKER, RAISE, { input: raiseInput({ title: '增设快递柜' }) })).raiseDeliberationTopic;

  const member = world.party!.PartyMember![0]!._id;
  const unit = stableId('response-unit', 'community');
  const session = {
    communityId: COMMUNITY,
    format: 'STOOL_COUNCIL',
    place: '义合美新城3号楼下',
    heldOn: today,
    topicIds: [t1.id, t2.id, t3.id],
    participants: [
      { kind: 'RESIDENT', id: r0._id },
      { kind: 'RESIDENT', id: r1._id },
      { kind: 'PARTY_MEMBER', id: member },
      { kind: 'UNIT', id: unit },
    ],
    idempotencyKey: 'session-yhm-0001',
  };
  // Bad sessions change nothing.
  const before = await snapshot(stack, ['party']);
  const bad: Array<[Identity, Record<string, unknown>, string, string | undefined]> = [
    [SECRETARY, { ...session, topicIds: [] }, 'BAD_USER_INPUT', 'topicIds'],
    [SECRETARY, { ...session, topicIds: [t1.id, t1.id] }, 'BAD_USER_INPUT', 'topicIds'],
    [SECRETARY, { ...session, topicIds: [stableId('no such topic')] }, 'NOT_FOUND', 'topicIds'],
    [SECRETARY, { ...session, place: '' }, 'BAD_USER_INPUT', 'place'],
    [SECRETARY, { ...session, heldOn: '2999-01-01' }, 'BAD_USER_INPUT', 'heldOn'],
    [SECRETARY, { ...session, participants: [] }, 'BAD_USER_INPUT', 'participants'],
    [SECRETARY, { ...session, participants: [session.participants[0], session.participants[0]] }, 'BAD_USER_INPUT', 'participants'],
    [SECRETARY, { ...session, participants: [{ kind: 'RESIDENT', id: stableId('no such resident') }] }, 'NOT_FOUND', 'participants'],
    [SECRETARY, { ...session, participants: [{ kind: 'PARTY_MEMBER', id: stableId('no such member') }] }, 'NOT_FOUND', 'participants'],
    [SECRETARY, { ...session, participants: [{ kind: 'UNIT', id: stableId('no such unit') }] }, 'NOT_FOUND', 'participants'],
    [SECRETARY, { ...session, gridId: stableId('no such grid') }, 'NOT_FOUND', 'gridId'],
    [{ ...SECRETARY, ...OTHER_COMMUNITY_SECRETARY }, session, 'FORBIDDEN', 'communityId'],
    [residentCaller(r0._id), session, 'FORBIDDEN', undefined],
  ];
  for (const [caller, input, code, field] of bad) {
    expectError(await as(caller, HOLD, { input }), code, field);
    expect(await snapshot(stack, ['party'])).toBe(before);
  }
  const held = (await ok(SECRETARY, HOLD, { input: session })).holdDeliberationSession;
  expect(held).toMatchObject({ format: 'STOOL_COUNCIL', participantCount: 4, community: { id: COMMUNITY } });
  expect(held.topics.map((t: { status: string }) => t.status)).toEqual(['DISCUSSED', 'DISCUSSED', 'DISCUSSED']);
  expect(held.participants[2]).toMatchObject({ kind: 'PARTY_MEMBER', member: { id: member }, resident: null });
  expect((await ok(SECRETARY, HOLD, { input: session })).holdDeliberationSession.id).toBe(held.id);
  // A topic already on a session cannot be put on another one.
  expectError(await as(SECRETARY, HOLD, { input: { ...session, topicIds: [t1.id, t4.id], idempotencyKey: 'session-yhm-0002' } }), 'CONFLICT', 'topicIds');

  // Outcomes, once each; an open topic has none yet.
  const decide = (topicId: string, outcome: string, note: string) => ok(GRID_WORKER, OUTCOME, { input: { topicId, outcome, note } });
  expectError(await as(GRID_WORKER, OUTCOME, { input: { topicId: t4.id, outcome: 'AGREED', note: '同意' } }), 'CONFLICT', 'topicId');
  expectError(await as(GRID_WORKER, OUTCOME, { input: { topicId: t1.id, outcome: 'AGREED', note: ' ' } }), 'BAD_USER_INPUT', 'note');
  expect((await decide(t1.id, 'AGREED', '由物业清理，居民不再堆放')).recordDeliberationOutcome).toMatchObject({ status: 'DECIDED', outcome: 'AGREED', session: { id: held.id } });
  await decide(t2.id, 'REFERRED', '需协调周边单位开放车位');
  await decide(t3.id, 'NOT_AGREED', '意见分歧，下次再议');
  expectError(await as(GRID_WORKER, OUTCOME, { input: { topicId: t1.id, outcome: 'NOT_AGREED', note: '改' } }), 'CONFLICT', 'topicId');

  // Follow-ups: the agreed topic becomes a joint case (retry: the same case), the referred one goes to a meeting.
  const reporter = world['civil-affairs']!.Household!.find((h) => h._id === r0.householdId)!;
  const caseInput = { topicId: t1.id, unitId: reporter.unitId, category: 'ENVIRONMENT' };
  expectError(await as(SECRETARY, TO_CASE, { input: { ...caseInput, topicId: t3.id } }), 'CONFLICT', 'topicId');
  expectError(await as(SECRETARY, TO_CASE, { input: { ...caseInput, topicId: t2.id } }), 'BAD_USER_INPUT', 'reporterId');
  const followed = (await ok(SECRETARY, TO_CASE, { input: caseInput })).raiseCaseFromDeliberation;
  expect(followed.followUp).toMatchObject({ kind: 'JOINT_CASE', jointCase: { status: 'SUBMITTED' } });
  expect(followed.followUp.jointCase.description).toContain('楼道堆放杂物');
  expect((await ok(SECRETARY, TO_CASE, { input: caseInput })).raiseCaseFromDeliberation.followUp.jointCase.id).toBe(followed.followUp.jointCase.id);
  expectError(await as(SECRETARY, TO_MEETING, { input: { topicId: t1.id, note: '再提交' } }), 'CONFLICT', 'topicId');
  const meetingId = stableId('joint-meeting', 'yhm-2026-h2');
  const referred = (await ok(SECRETARY, TO_MEETING, { input: { topicId: t2.id, meetingId, note: '提交党建联席会议协调' } })).referDeliberationToMeeting;
  expect(referred.followUp).toMatchObject({ kind: 'JOINT_MEETING', meetingId, jointCase: null });
  expectError(await as(SECRETARY, TO_MEETING, { input: { topicId: t2.id, note: '再次' } }), 'CONFLICT', 'topicId');

  // Measures, against counts made here from the stored rows (seeded and created).
  const db = stack.departments.party!.connection.db!;
  const sessions = await db.collection('deliberation_sessions').find({ communityId: COMMUNITY, year }).toArray();
  const topics = await db.collection('deliberation_topics').find({ communityId: COMMUNITY }).toArray();
  const decided = topics.filter((t) => t.sessionYear === year);
  const count = (outcome: string) => decided.filter((t) => t.outcome === outcome).length;
  const { data, errors } = await as(SECRETARY, MEASURES, { id: COMMUNITY, year });
  expect(errors).toBeUndefined();
  const m = data.community.deliberationMeasures;
  expect(m).toMatchObject({
    year,
    sessions: sessions.length,
    participants: sessions.reduce((sum, s) => sum + s.participants.length, 0),
    topicsRaised: topics.filter((t) => t.raisedOn.startsWith(String(year))).length,
    agreed: count('AGREED'),
    notAgreed: count('NOT_AGREED'),
    referred: count('REFERRED'),
    becameCases: decided.filter((t) => t.followUp?.kind === 'JOINT_CASE').length,
    referredToMeetings: decided.filter((t) => t.followUp?.kind === 'JOINT_MEETING').length,
  });
  expect(m.sessions).toBeGreaterThanOrEqual(1);
  expect(m.agreed).toBeGreaterThanOrEqual(1);
  expect(m.sessionsByFormat.reduce((s: number, f: { sessions: number }) => s + f.sessions, 0)).toBe(sessions.length);
  expect(m.byMonth).toHaveLength(12);
  const thisMonth = m.byMonth.find((row: { month: string }) => row.month === today.slice(0, 7));
  expect(thisMonth.sessions).toBe(sessions.filter((s) => s.heldOn.startsWith(today.slice(0, 7))).length);

  // Listing: the community's topics page; a resident may not list them.
  const list = await ok(
    SECRETARY,
    `query($c: ID!) { deliberationTopics(filter: { communityId: $c, status: DECIDED }, first: 2) { totalCount edges { node { id } } pageInfo { hasNextPage } } }`,
    { c: COMMUNITY },
  );
  expect(list.deliberationTopics.totalCount).toBe(topics.filter((t) => t.status === 'DECIDED').length);
  expectError(await as(residentCaller(r0._id), `{ deliberationSessions(communityId: "${COMMUNITY}", year: ${year}) { totalCount } }`), 'FORBIDDEN');
  expectError(await as(SECRETARY, `{ deliberationSessions(communityId: "${COMMUNITY}", year: 1800) { totalCount } }`), 'BAD_USER_INPUT', 'year');
});
