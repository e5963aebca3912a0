import { stableId } from '@cg/kit';
import { useStack } from '@cg/kit/testing';

// Daily work through the gateway: validation (each rule changes nothing), references checked at civil affairs,
// the 微心愿 lifecycle, the quota, nominations, points and liaison scores.
const { stack, world } = useStack({ as: 'party-secretary' }); // the community party organisation does this work
let branchId: string;
let committeeId: string;
let communityId: string;

beforeAll(() => {
  branchId = world().party!.PartyOrganization!.find((o) => o.level === 'BRANCH')!._id;
  committeeId = world().party!.PartyOrganization!.find((o) => o.level === 'COMMUNITY_COMMITTEE')!._id;
  communityId = world()['civil-affairs']!.Community![0]!._id;
});

async function ok(query: string, variables?: Record<string, unknown>) {
  const { data, errors } = await stack.query(query, variables);
  expect(errors).toBeUndefined();
  return data;
}
async function fails(query: string, variables: Record<string, unknown>, code: string, field?: string) {
  const { data, errors } = await stack.query(query, variables);
  expect(data ?? null).toBeNull();
  expect(errors?.[0]?.extensions).toMatchObject(field ? { code, field } : { code });
}
const total = async (list: string) => (await ok(`{ ${list} { totalCount } }`))[list.split('(')[0]!].totalCount as number;

const nonMembers = () => {
  const members = new Set(world().party!.PartyMember!.map((m) => m.residentId));
  return world()['civil-affairs']!.Resident!.filter((r) => !members.has(r._id) && (r.birthDate as string) < '1990-01-01');
};
const CREATE_MEMBER = 'mutation($input: CreatePartyMemberInput!) { createPartyMember(input: $input) { id category organization { id } } }';
async function newMember(i: number, category = 'IN_SERVICE') {
  const input = { residentId: nonMembers()[i]!._id, category, organizationId: branchId, joinedOn: '2015-07-01' };
  return (await ok(CREATE_MEMBER, { input })).createPartyMember.id as string;
}

test('createPartyMember: each bad input is a typed error naming the field and creates nothing', async () => {
  const before = await total('partyMembers');
  const input = { residentId: nonMembers()[0]!._id, category: 'RESIDENT', organizationId: branchId, joinedOn: '2015-07-01' };
  await fails(CREATE_MEMBER, { input: { ...input, residentId: stableId('no such resident') } }, 'NOT_FOUND', 'residentId');
  await fails(CREATE_MEMBER, { input: { ...input, residentId: 'abc' } }, 'BAD_USER_INPUT', 'residentId');
  await fails(CREATE_MEMBER, { input: { ...input, organizationId: stableId('no such org') } }, 'NOT_FOUND', 'organizationId');
  await fails(CREATE_MEMBER, { input: { ...input, joinedOn: '2015-02-30' } }, 'BAD_USER_INPUT', 'joinedOn');
  await fails(CREATE_MEMBER, { input: { ...input, joinedOn: '2999-01-01' } }, 'BAD_USER_INPUT', 'joinedOn');
  await fails(CREATE_MEMBER, { input: { ...input, category: 'MEMBER' } }, 'BAD_USER_INPUT');
  const existing = world().party!.PartyMember![0]!;
  await fails(CREATE_MEMBER, { input: { ...input, residentId: existing.residentId } }, 'CONFLICT', 'residentId');
  expect(await total('partyMembers')).toBe(before);
});

test('createPartyMember with an idempotencyKey creates once; the resident then shows the membership', async () => {
  const input = { residentId: nonMembers()[1]!._id, category: 'RETIRED', organizationId: branchId, joinedOn: '1990-07-01', idempotencyKey: 'member-create-0001' };
  const first = (await ok(CREATE_MEMBER, { input })).createPartyMember;
  const again = (await ok(CREATE_MEMBER, { input })).createPartyMember;
  expect(again).toEqual(first);
  await fails(CREATE_MEMBER, { input: { ...input, category: 'RESIDENT' } }, 'CONFLICT', 'idempotencyKey');
  const data = await ok(`{ resident(id: "${input.residentId}") { partyMembership { id category } } }`);
  expect(data.resident.partyMembership).toEqual({ id: first.id, category: 'RETIRED' });
});

test('organisations must sit below their parent and cover grids that exist', async () => {
  const q = 'mutation($input: CreatePartyOrganizationInput!) { createPartyOrganization(input: $input) { id ancestors { id } } }';
  const before = await total('partyOrganizations');
  await fails(q, { input: { name: '错层党支部', level: 'COMMUNITY_COMMITTEE', parentId: branchId } }, 'BAD_USER_INPUT', 'level');
  await fails(q, { input: { name: '无上级党小组', level: 'GROUP' } }, 'BAD_USER_INPUT', 'parentId');
  await fails(q, { input: { name: '新党支部', level: 'BRANCH', parentId: committeeId, coveredGridIds: [stableId('no grid')] } }, 'NOT_FOUND', 'coveredGridIds');
  expect(await total('partyOrganizations')).toBe(before);
  const group = (await ok(q, { input: { name: '新建党小组', level: 'GROUP', parentId: branchId } })).createPartyOrganization;
  const branch = world().party!.PartyOrganization!.find((o) => o._id === branchId)!;
  expect(group.ancestors.map((o: any) => o.id)).toEqual([...(branch.ancestorIds as string[]), branchId]);
});

test('双报到: in-service and retired members only, to a community that exists', async () => {
  const q = 'mutation($input: CreateDualRegistrationInput!) { createDualRegistration(input: $input) { id workUnit community { id } } }';
  const member = await newMember(2);
  const resident = await newMember(3, 'RESIDENT');
  const input = { memberId: member, workUnit: '张北县司法局', communityId, reportedOn: '2026-03-02' };
  await fails(q, { input: { ...input, memberId: resident } }, 'BAD_USER_INPUT', 'memberId');
  const retired = await ok(q, { input: { ...input, memberId: await newMember(13, 'RETIRED'), workUnit: '张北县教育局（已退休）' } });
  expect(retired.createDualRegistration).toMatchObject({ workUnit: '张北县教育局（已退休）', community: { id: communityId } });
  await fails(q, { input: { ...input, communityId: stableId('no community') } }, 'NOT_FOUND', 'communityId');
  await fails(q, { input: { ...input, reportedOn: '2026/03/02' } }, 'BAD_USER_INPUT', 'reportedOn');
  await fails(q, { input: { ...input, workUnit: ' ' } }, 'BAD_USER_INPUT', 'workUnit');
  const data = await ok(q, { input });
  expect(data.createDualRegistration).toMatchObject({ workUnit: '张北县司法局', community: { id: communityId } });
  await fails(q, { input }, 'CONFLICT', 'communityId');
});

test('the yearly quota: a new in-service member is short of all four items until each is done', async () => {
  const member = await newMember(4);
  const shortfall = async () => {
    const data = await ok(`{ quotaShortfalls(year: 2027, first: 100) { totalCount edges { node { member { id } missing } } } }`);
    return data.quotaShortfalls.edges.find((e: any) => e.node.member.id === member)?.node.missing ?? null;
  };
  expect(await shortfall()).toEqual(['POST', 'HOUSEHOLD', 'VOLUNTEER_SERVICE', 'SUGGESTION']);
  const gridId = stableId('grid', 'ZB-YHM-01');
  const post = (
    await ok('mutation($input: CreateServicePostInput!) { createServicePost(input: $input) { id } }', {
      input: { name: '法律援助岗', kind: 'LEGAL', gridId, organizationId: branchId },
    })
  ).createServicePost.id;
  await ok('mutation($input: ClaimServicePostInput!) { claimServicePost(input: $input) { year } }', { input: { postId: post, memberId: member, claimedOn: '2027-02-01' } });
  const record = 'mutation($input: RecordServiceActivityInput!) { recordServiceActivity(input: $input) { id kind } }';
  const household = world()['civil-affairs']!.Household!.find((h) => h.gridId === gridId)!._id;
  await fails(record, { input: { memberId: member, kind: 'HOUSEHOLD_CONTACT', date: '2027-03-01', content: '入户走访' } }, 'BAD_USER_INPUT', 'householdId');
  await fails(
    record,
    { input: { memberId: member, kind: 'HOUSEHOLD_CONTACT', date: '2027-03-01', content: '入户走访', householdId: stableId('nope') } },
    'NOT_FOUND',
    'householdId',
  );
  await fails(record, { input: { memberId: member, kind: 'VOLUNTEER_SERVICE', date: '2027-03-01', content: '义诊', hours: 30 } }, 'BAD_USER_INPUT', 'hours');
  await ok(record, { input: { memberId: member, kind: 'HOUSEHOLD_CONTACT', date: '2027-03-01', content: '入户走访', householdId: household } });
  expect(await shortfall()).toEqual(['VOLUNTEER_SERVICE', 'SUGGESTION']);
  await ok(record, { input: { memberId: member, kind: 'VOLUNTEER_SERVICE', date: '2027-04-01', content: '义诊', hours: 3 } });
  await ok(record, { input: { memberId: member, kind: 'SUGGESTION', date: '2027-05-01', content: '增设充电桩' } });
  expect(await shortfall()).toBeNull();
  const status = await ok(`{ partyMember(id: "${member}") { quota(year: 2027) { posts householdContacts volunteerServices suggestions missing } } }`);
  expect(status.partyMember.quota).toEqual({ posts: 1, householdContacts: 1, volunteerServices: 1, suggestions: 1, missing: [] });
});

const WISH = 'id status claimedBy { id } overdue rating';
test('微心愿: published → claimed → done → approved; an illegal step is CONFLICT and changes nothing', async () => {
  const publish = 'mutation($input: PublishMicroWishInput!) { publishMicroWish(input: $input) { id status } }';
  const base = { title: '修理轮椅', organizationId: committeeId, residentId: world()['civil-affairs']!.Resident![5]!._id, publishedOn: '2026-11-02', dueOn: '2026-11-10' };
  await fails(publish, { input: { ...base, dueOn: '2026-11-01' } }, 'BAD_USER_INPUT', 'dueOn');
  await fails(publish, { input: { ...base, residentId: stableId('nobody') } }, 'NOT_FOUND', 'residentId');
  const id = (await ok(publish, { input: base })).publishMicroWish.id;
  const member = await newMember(5);

  await fails(`mutation { approveMicroWish(id: "${id}", approvedOn: "2026-11-12", rating: GOOD) { id } }`, {}, 'CONFLICT', 'id');
  await fails(`mutation { completeMicroWish(id: "${id}", doneOn: "2026-11-05") { id } }`, {}, 'CONFLICT', 'id');
  expect((await ok(`{ microWish(id: "${id}") { status doneOn } }`)).microWish).toEqual({ status: 'PUBLISHED', doneOn: null });

  await fails(`mutation { claimMicroWish(id: "${id}", memberId: "${member}", claimedOn: "2026-11-01") { id } }`, {}, 'BAD_USER_INPUT', 'claimedOn');
  const claimed = await ok(`mutation { claimMicroWish(id: "${id}", memberId: "${member}", claimedOn: "2026-11-03") { ${WISH} } }`);
  expect(claimed.claimMicroWish).toMatchObject({ status: 'CLAIMED', claimedBy: { id: member } });
  await fails(`mutation { claimMicroWish(id: "${id}", memberId: "${member}", claimedOn: "2026-11-03") { id } }`, {}, 'CONFLICT', 'id');
  await ok(`mutation { completeMicroWish(id: "${id}", doneOn: "2026-11-09", note: "已修好") { id } }`);
  const approved = await ok(`mutation { approveMicroWish(id: "${id}", approvedOn: "2026-11-12", rating: GOOD) { ${WISH} } }`);
  expect(approved.approveMicroWish).toMatchObject({ status: 'APPROVED', overdue: false, rating: 'GOOD' });
  await fails(`mutation { approveMicroWish(id: "${id}", approvedOn: "2026-11-12", rating: GOOD) { id } }`, {}, 'CONFLICT', 'id');
  const points = await ok(`{ pointEntries(filter: { memberId: "${member}", sourceType: MICRO_WISH }) { totalCount edges { node { points month } } } }`);
  expect(points.pointEntries).toEqual({ totalCount: 1, edges: [{ node: { points: 10, month: '2026-11' } }] });
});

test('微心愿: of two members claiming at once exactly one wins', async () => {
  const id = (
    await ok('mutation($input: PublishMicroWishInput!) { publishMicroWish(input: $input) { id } }', {
      input: { title: '代购降压药', organizationId: committeeId, publishedOn: '2026-11-02', dueOn: '2026-11-05' },
    })
  ).publishMicroWish.id;
  const [a, b] = [await newMember(6), await newMember(7)];
  const results = await Promise.all([a, b].map((m) => stack.query(`mutation { claimMicroWish(id: "${id}", memberId: "${m}", claimedOn: "2026-11-02") { claimedBy { id } } }`)));
  const winners = results.filter((r) => !r.errors);
  expect(winners).toHaveLength(1);
  expect(results.find((r) => r.errors)!.errors![0].extensions.code).toBe('CONFLICT');
  expect((await ok(`{ microWish(id: "${id}") { claimedBy { id } } }`)).microWish.claimedBy).toEqual(winners[0]!.data.claimMicroWish.claimedBy);
});

test('党员奉献奖: up to three nominations per branch and quarter; a fourth is CONFLICT', async () => {
  const q = 'mutation($input: NominateForAwardInput!) { nominateForAward(input: $input) { id quarter } }';
  const ids = [await newMember(8), await newMember(9), await newMember(10), await newMember(11)];
  const input = (memberId: string) => ({ branchId, quarter: '2026-Q4', memberId, reason: '积分突出', nominatedOn: '2026-12-20' });
  await fails(q, { input: { ...input(ids[0]!), quarter: '2026-Q5' } }, 'BAD_USER_INPUT', 'quarter');
  await fails(q, { input: { ...input(ids[0]!), branchId: committeeId } }, 'BAD_USER_INPUT', 'branchId');
  const otherBranch = world().party!.PartyOrganization!.filter((o) => o.level === 'BRANCH')[1]!._id;
  await fails(q, { input: { ...input(ids[0]!), branchId: otherBranch } }, 'BAD_USER_INPUT', 'memberId');
  for (const id of ids.slice(0, 3)) await ok(q, { input: input(id) });
  await fails(q, { input: input(ids[0]!) }, 'CONFLICT');
  await fails(q, { input: input(ids[3]!) }, 'CONFLICT', 'branchId');
  expect((await ok(`{ awardNominations(filter: { quarter: "2026-Q4", branchId: "${branchId}" }) { totalCount } }`)).awardNominations.totalCount).toBe(3);
});

test('points: hand credits validate, and evaluating a month twice changes nothing the second time', async () => {
  const member = await newMember(12);
  const credit = 'mutation($input: CreditMemberPointsInput!) { creditMemberPoints(input: $input) { id points } }';
  await fails(credit, { input: { memberId: member, month: '2026-1', points: 5, reason: '服务' } }, 'BAD_USER_INPUT', 'month');
  await fails(credit, { input: { memberId: member, month: '2026-10', points: 500, reason: '服务' } }, 'BAD_USER_INPUT', 'points');
  const input = { memberId: member, month: '2026-10', points: 5, reason: '服务', idempotencyKey: 'credit-key-0001' };
  expect((await ok(credit, { input })).creditMemberPoints).toEqual((await ok(credit, { input })).creditMemberPoints);
  const evaluate = 'mutation { evaluateMonthlyPoints(month: "2026-10") { membersEvaluated bonuses penalties written removed } }';
  const first = (await ok(evaluate)).evaluateMonthlyPoints;
  const second = (await ok(evaluate)).evaluateMonthlyPoints;
  expect(second).toEqual({ ...first, written: 0, removed: 0 });
  expect(first.bonuses + first.penalties).toBeGreaterThan(0);
});

test('大党委 and 包联: phone, dates and scores are validated; a period is scored once', async () => {
  const unit = 'mutation($input: CreateJointBuildingUnitInput!) { createJointBuildingUnit(input: $input) { id contactPhone } }';
  const u = {
    name: '张北县税务局',
    kind: 'GOVERNMENT_DEPARTMENT',
    organizationId: committeeId,
    contactName: '李明',
    contactPhone: '12345678901',
    services: ['税务咨询'],
    joinedOn: '2026-05-01',
  };
  await fails(unit, { input: u }, 'BAD_USER_INPUT', 'contactPhone');
  await fails(unit, { input: { ...u, contactPhone: '13912345678', services: [] } }, 'BAD_USER_INPUT', 'services');
  await fails(unit, { input: { ...u, contactPhone: '13912345678', organizationId: branchId } }, 'BAD_USER_INPUT', 'organizationId');
  expect((await ok(unit, { input: { ...u, contactPhone: '139 1234 5678' } })).createJointBuildingUnit.contactPhone).toBe('139****5678');

  const assign = 'mutation($input: CreateLiaisonAssignmentInput!) { createLiaisonAssignment(input: $input) { id } }';
  const l = { kind: 'DEPARTMENT', liaisonName: '张北县水务局', communityId, organizationId: committeeId, startOn: '2026-01-01', endOn: '2025-12-31' };
  await fails(assign, { input: l }, 'BAD_USER_INPUT', 'endOn');
  await fails(assign, { input: { ...l, endOn: null, communityId: stableId('none') } }, 'NOT_FOUND', 'communityId');
  const id = (await ok(assign, { input: { ...l, endOn: '2026-12-31' } })).createLiaisonAssignment.id;
  const score = `mutation($input: ScoreLiaisonInput!) { scoreLiaison(id: "${id}", input: $input) { averageScore scores { period score } } }`;
  await fails(score, { input: { period: '2026-Q3', score: 101, scoredOn: '2026-09-30' } }, 'BAD_USER_INPUT', 'score');
  await fails(score, { input: { period: '2026-09', score: 90, scoredOn: '2026-09-30' } }, 'BAD_USER_INPUT', 'period');
  await ok(score, { input: { period: '2026-Q3', score: 90, scoredOn: '2026-09-30' } });
  await fails(score, { input: { period: '2026-Q3', score: 70, scoredOn: '2026-09-30' } }, 'CONFLICT', 'period');
  const data = (await ok(score, { input: { period: '2026-Q4', score: 81, scoredOn: '2026-12-30' } })).scoreLiaison;
  expect(data).toEqual({
    averageScore: 85.5,
    scores: [
      { period: '2026-Q3', score: 90 },
      { period: '2026-Q4', score: 81 },
    ],
  });
});
