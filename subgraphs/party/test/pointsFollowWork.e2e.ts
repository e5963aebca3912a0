import { stableId, type World } from '@cg/kit';
import { buildWorld, expectError, snapshot, startStack, type Stack } from '@cg/kit/testing';
import { CLAIM_SWEEP_ACTOR, startClaimSweeper } from '../src/claimsDue';
import type { Models } from '../src/models';

// Points follow the work (剑河): a post task earns when done on time, not when claimed; an item past its due date
// undone costs one deduction (超期未办理), whether the sweep or the late completion finds it first; members who
// helped close a case get one JOINT_CASE entry each; and 单位党组织报到.
let stack: Stack;
let world: World;
let branchId: string;
let committeeId: string;
let communityId: string;
let postId: string;

beforeAll(async () => {
  world = await buildWorld('small');
  stack = await startStack({ as: 'party-secretary' });
  branchId = world.party!.PartyOrganization!.find((o) => o.level === 'BRANCH')!._id;
  committeeId = world.party!.PartyOrganization!.find((o) => o.level === 'COMMUNITY_COMMITTEE')!._id;
  communityId = world['civil-affairs']!.Community![0]!._id;
  postId = world.party!.ServicePost![0]!._id;
}, 120_000);
afterAll(() => stack.stop());

async function ok(query: string, variables?: Record<string, unknown>, as?: string) {
  const { data, errors } = await stack.query(query, variables, as ? { as } : undefined);
  expect(errors).toBeUndefined();
  return data;
}
/** The call is refused with `code` (naming `field`) and nothing in party changes. */
async function refused(query: string, variables: Record<string, unknown>, code: string, field?: string, as?: string) {
  const before = await snapshot(stack, ['party']);
  const result = await stack.query(query, variables, as ? { as } : undefined);
  if (field) expectError(result, code, field);
  else expect(result.errors?.[0]?.extensions?.code).toBe(code);
  expect(await snapshot(stack, ['party'])).toBe(before);
}
let nextResident = 0;
async function newMember() {
  const members = new Set(world.party!.PartyMember!.map((m) => m.residentId));
  const resident = world['civil-affairs']!.Resident!.filter((r) => !members.has(r._id) && (r.birthDate as string) < '1990-01-01')[nextResident++]!;
  const input = { residentId: resident._id, category: 'IN_SERVICE', organizationId: branchId, joinedOn: '2015-07-01' };
  return (await ok('mutation($input: CreatePartyMemberInput!) { createPartyMember(input: $input) { id } }', { input })).createPartyMember.id as string;
}
const entries = async (memberId: string, sourceType: string) =>
  (await ok(`{ pointEntries(filter: { memberId: "${memberId}", sourceType: ${sourceType} }) { edges { node { points month sourceId } } } }`)).pointEntries.edges.map(
    (e: any) => e.node,
  );
const CLAIM = 'mutation($input: ClaimServicePostInput!) { claimServicePost(input: $input) { id status dueOn overdue } }';
const COMPLETE = 'mutation($id: ID!, $doneOn: String!) { completePostClaim(id: $id, doneOn: $doneOn, note: "已完成政策宣讲") { id status doneOn overdue } }';
const SWEEP = 'mutation($asOf: String!) { sweepOverdueClaims(asOf: $asOf) { asOf overdueWishes overduePostClaims written } }';

test('a post claim earns nothing when claimed, its points when done on time, once', async () => {
  const member = await newMember();
  const claim = (await ok(CLAIM, { input: { postId, memberId: member, claimedOn: '2026-03-01', dueOn: '2026-06-30' } })).claimServicePost;
  expect(claim).toMatchObject({ status: 'CLAIMED', dueOn: '2026-06-30' });
  expect(await entries(member, 'SERVICE_POST')).toEqual([]);
  await refused(COMPLETE, { id: claim.id, doneOn: '2026-02-01' }, 'BAD_USER_INPUT', 'doneOn');
  await refused(COMPLETE, { id: claim.id, doneOn: '2026/05/01' }, 'BAD_USER_INPUT', 'doneOn');
  await refused(COMPLETE, { id: stableId('no claim'), doneOn: '2026-05-01' }, 'NOT_FOUND', 'id');
  await refused(COMPLETE, { id: claim.id, doneOn: '2026-05-01' }, 'FORBIDDEN', undefined, 'grid-worker');
  expect((await ok(COMPLETE, { id: claim.id, doneOn: '2026-05-01' })).completePostClaim).toMatchObject({ status: 'DONE', overdue: false });
  await refused(COMPLETE, { id: claim.id, doneOn: '2026-05-02' }, 'CONFLICT', 'id');
  expect(await entries(member, 'SERVICE_POST')).toEqual([{ points: 5, month: '2026-05', sourceId: claim.id }]);
});

test('a claim dated before its due date, or due before it is claimed, is refused', async () => {
  const member = await newMember();
  await refused(CLAIM, { input: { postId, memberId: member, claimedOn: '2026-03-01', dueOn: '2026-02-01' } }, 'BAD_USER_INPUT', 'dueOn');
});

test('超期未办理: the sweep deducts each overdue claim once; the late completion then adds nothing', async () => {
  const member = await newMember();
  const claim = (await ok(CLAIM, { input: { postId, memberId: member, claimedOn: '2026-03-01', dueOn: '2026-04-30' } })).claimServicePost;
  const wish = (
    await ok('mutation($input: PublishMicroWishInput!) { publishMicroWish(input: $input) { id } }', {
      input: { title: '陪同老人就医', organizationId: committeeId, publishedOn: '2026-03-01', dueOn: '2026-03-20' },
    })
  ).publishMicroWish.id;
  await ok(`mutation { claimMicroWish(id: "${wish}", memberId: "${member}", claimedOn: "2026-03-02") { id } }`);
  await refused(SWEEP, { asOf: '2999-01-01' }, 'BAD_USER_INPUT', 'asOf');
  await refused(SWEEP, { asOf: '2026-05-01' }, 'FORBIDDEN', undefined, 'grid-worker');
  const first = (await ok(SWEEP, { asOf: '2026-05-01' })).sweepOverdueClaims;
  expect(first.written).toBeGreaterThanOrEqual(2);
  expect(await entries(member, 'SERVICE_POST')).toEqual([{ points: -5, month: '2026-04', sourceId: `${claim.id}:overdue` }]);
  expect(await entries(member, 'MICRO_WISH')).toEqual([{ points: -5, month: '2026-03', sourceId: `${wish}:overdue` }]);
  const before = await snapshot(stack, ['party']);
  expect((await ok(SWEEP, { asOf: '2026-05-01' })).sweepOverdueClaims).toMatchObject({ overdueWishes: first.overdueWishes, written: 0 });
  expect(await snapshot(stack, ['party'])).toBe(before);
  expect((await ok(COMPLETE, { id: claim.id, doneOn: '2026-05-10' })).completePostClaim).toMatchObject({ status: 'DONE', overdue: true });
  expect(await entries(member, 'SERVICE_POST')).toEqual([{ points: -5, month: '2026-04', sourceId: `${claim.id}:overdue` }]);
});

test('the scheduled sweep writes the deduction with nobody calling it, as the system, once', async () => {
  const member = await newMember();
  const claim = (await ok(CLAIM, { input: { postId, memberId: member, claimedOn: '2026-03-01', dueOn: '2026-04-15' } })).claimServicePost;
  const models = stack.departments.party!.models as Models;
  const sweeper = startClaimSweeper(models, 20);
  try {
    for (let i = 0; i < 300 && (await entries(member, 'SERVICE_POST')).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 100)); // a few more rounds: each finds the deduction written
  } finally {
    sweeper.stop();
  }
  expect(await entries(member, 'SERVICE_POST')).toEqual([{ points: -5, month: '2026-04', sourceId: `${claim.id}:overdue` }]);
  expect(await models.PointEntry.findOne({ sourceId: `${claim.id}:overdue` }).lean()).toMatchObject({ createdBy: CLAIM_SWEEP_ACTOR });
});

test('a wish done late costs the overdue deduction once; approving it well rated adds nothing more', async () => {
  const member = await newMember();
  const wish = (
    await ok('mutation($input: PublishMicroWishInput!) { publishMicroWish(input: $input) { id } }', {
      input: { title: '修理轮椅', organizationId: committeeId, publishedOn: '2026-07-01', dueOn: '2026-07-10' },
    })
  ).publishMicroWish.id;
  await ok(`mutation { claimMicroWish(id: "${wish}", memberId: "${member}", claimedOn: "2026-07-02") { id } }`);
  expect(await entries(member, 'MICRO_WISH')).toEqual([]);
  await ok(`mutation { completeMicroWish(id: "${wish}", doneOn: "2026-07-15") { id } }`);
  await ok(`mutation { approveMicroWish(id: "${wish}", approvedOn: "2026-07-16", rating: GOOD) { id } }`);
  expect(await entries(member, 'MICRO_WISH')).toEqual([{ points: -5, month: '2026-07', sourceId: `${wish}:overdue` }]);
});

describe('JOINT_CASE: members who helped close a case', () => {
  const CREDIT = 'mutation($input: CreditCaseHelpersInput!) { creditCaseHelpers(input: $input) { points sourceType sourceId member { id } } }';
  const cases = () => world.party!.JointCase! as unknown as Array<{ _id: string; status: string; gridId: string; closedAt: Date }>;

  test('each helper is credited once, in the month the case closed; the case lists the credits', async () => {
    const closed = cases().find((c) => c.status === 'CLOSED')!;
    const [a, b, c] = [await newMember(), await newMember(), await newMember()];
    // The seed credited the members who helped already; these come on top.
    const seeded = world.party!.PointEntry!.filter((e) => e.sourceType === 'JOINT_CASE' && e.sourceId === closed._id).map((e) => e.memberId as string);
    const first = (await ok(CREDIT, { input: { caseId: closed._id, memberIds: [a, b] } })).creditCaseHelpers;
    expect(first).toHaveLength(seeded.length + 2);
    expect(first.every((e: any) => e.points === 10 && e.sourceType === 'JOINT_CASE' && e.sourceId === closed._id)).toBe(true);
    const again = (await ok(CREDIT, { input: { caseId: closed._id, memberIds: [b, c] } })).creditCaseHelpers;
    expect(again.map((e: any) => e.member.id).sort()).toEqual([...seeded, a, b, c].sort());
    const month = new Date(new Date(closed.closedAt).getTime() + 8 * 3600_000).toISOString().slice(0, 7);
    expect(await entries(b, 'JOINT_CASE')).toEqual([{ points: 10, month, sourceId: closed._id }]);
    const shown = await ok(`{ jointCase(id: "${closed._id}") { memberCredits { member { id } } } }`);
    expect(shown.jointCase.memberCredits).toHaveLength(seeded.length + 3);
  });

  test('bad input, an open case and forbidden callers change nothing', async () => {
    const closed = cases().find((c) => c.status === 'CLOSED')!;
    const open = cases().find((c) => c.status === 'IN_PROGRESS')!;
    const member = await newMember();
    await refused(CREDIT, { input: { caseId: closed._id, memberIds: [] } }, 'BAD_USER_INPUT', 'memberIds');
    await refused(CREDIT, { input: { caseId: closed._id, memberIds: [member, member] } }, 'BAD_USER_INPUT', 'memberIds');
    await refused(CREDIT, { input: { caseId: closed._id, memberIds: [member, stableId('nobody')] } }, 'NOT_FOUND', 'memberIds');
    await refused(CREDIT, { input: { caseId: stableId('no case'), memberIds: [member] } }, 'NOT_FOUND', 'caseId');
    await refused(CREDIT, { input: { caseId: open._id, memberIds: [member] } }, 'CONFLICT', 'caseId');
    // A grid worker whose grid is not the case's.
    const token = await stack.token('grid-worker', { scope: { communityIds: [], gridIds: [stableId('grid', 'another grid')] } });
    const before = await snapshot(stack, ['party']);
    expect((await stack.query(CREDIT, { input: { caseId: closed._id, memberIds: [member] } }, { token })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await snapshot(stack, ['party'])).toBe(before);
    await refused(CREDIT, { input: { caseId: closed._id, memberIds: [member] } }, 'FORBIDDEN', undefined, 'property-staff');
  });
});

describe('单位党组织报到', () => {
  const CREATE = 'mutation($input: CreateUnitRegistrationInput!) { createUnitRegistration(input: $input) { id unitName memberCount posts { id } commitments community { id } } }';
  const input = () => ({
    unitName: '张北县财政局',
    organizationName: '张北县财政局机关党支部',
    kind: 'GOVERNMENT_DEPARTMENT',
    communityId,
    reportedOn: '2026-04-01',
    memberCount: 23,
    postIds: [postId],
    commitments: ['每季度开展一次政策宣讲', '结对帮扶困难家庭5户'],
  });

  test('a unit reports once per community with its posts and commitments; the list finds it', async () => {
    const created = (await ok(CREATE, { input: input() })).createUnitRegistration;
    expect(created).toMatchObject({ unitName: '张北县财政局', memberCount: 23, posts: [{ id: postId }], community: { id: communityId } });
    await refused(CREATE, { input: input() }, 'CONFLICT', 'unitName');
    const list = await ok(`{ unitRegistrations(filter: { communityId: "${communityId}" }, first: 50) { totalCount edges { node { id } } } }`);
    expect(list.unitRegistrations.edges.map((e: any) => e.node.id)).toContain(created.id);
  });

  test.each([
    ['an unknown post', { postIds: ['ab'.repeat(12)] }, 'NOT_FOUND', 'postIds'],
    ['an unknown community', { communityId: 'cd'.repeat(12) }, 'NOT_FOUND', 'communityId'],
    ['a blank commitment', { commitments: [' '] }, 'BAD_USER_INPUT', 'commitments'],
    ['eleven commitments', { commitments: Array.from({ length: 11 }, (_, i) => `承诺${i}`) }, 'BAD_USER_INPUT', 'commitments'],
    ['a negative member count', { memberCount: -1 }, 'BAD_USER_INPUT', 'memberCount'],
    ['a malformed date', { reportedOn: '2026-4-1' }, 'BAD_USER_INPUT', 'reportedOn'],
  ])('%s is refused and writes nothing', async (_, change, code, field) => {
    await refused(CREATE, { input: { ...input(), unitName: '张北县审计局', ...change } }, code, field);
  });

  test('a grid worker may not record one', async () => {
    await refused(CREATE, { input: { ...input(), unitName: '张北县统计局' } }, 'FORBIDDEN', undefined, 'grid-worker');
  });
});
