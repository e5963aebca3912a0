import { stableId, type World } from '@cg/kit';
import { buildWorld, snapshot, startStack, type Stack } from '@cg/kit/testing';
import type { JointCaseDoc } from '../src/models/JointCase';
import { actors, chinaYear, client, hoursFromNow, UNIT } from './governance';

// Escalation above the community (三级联动) through the gateway: community → 党工委 → 县委 (green channel), a county
// on-site meeting (现场办公会) assigning functional departments, their tasks done, the case told at each step, and
// the community's measures against counts taken from the escalation list.
let stack: Stack;
let world: World;
let api: ReturnType<typeof client>;
let who: ReturnType<typeof actors>;
let caseId: string;

const ESCALATE = 'mutation($input: EscalateInput!) { escalate(input: $input) { id level status reason steps { level } case { id } } }';
const FORWARD = 'mutation($id: ID!, $reason: String!) { forwardEscalation(id: $id, reason: $reason) { id level status steps { level reason } } }';
const CONVENE = 'mutation($input: ConveneOnSiteMeetingInput!) { conveneOnSiteMeeting(input: $input) { id kind level tasks { id unit { id } status dueAt } escalation { id } } }';
const ACCEPT = 'mutation($id: ID!) { acceptMeetingTask(id: $id) { id status } }';
const COMPLETE = 'mutation($id: ID!, $note: String) { completeMeetingTask(id: $id, note: $note) { id status onTime doneAt } }';
const HISTORY = 'query($id: ID!) { jointCase(id: $id) { version status history { step from to note } } }';

beforeAll(async () => {
  world = await buildWorld('small');
  stack = await startStack({ as: 'party-secretary' });
  api = client(stack);
  who = actors(world);
  const escalated = new Set((world.party!.Escalation ?? []).map((e) => e.caseId));
  const open = (world.party!.JointCase as unknown as JointCaseDoc[]).find((c) => c.status === 'IN_PROGRESS' && !escalated.has(c._id));
  caseId = open!._id;
}, 120_000);
afterAll(() => stack.stop());

test('escalate: bad input is a typed error naming the field; refused callers; nothing changes', async () => {
  const before = await snapshot(stack, ['party']);
  const closed = (world.party!.JointCase as unknown as JointCaseDoc[]).find((c) => c.status === 'CLOSED')!;
  const input = { caseId, reason: '小区外墙脱落涉及规划和资金，社区无力解决' };
  await api.fails(who.community, ESCALATE, { input: { ...input, reason: '  ' } }, 'BAD_USER_INPUT', { field: 'reason' });
  await api.fails(who.community, ESCALATE, { input: { ...input, withinDays: 0 } }, 'BAD_USER_INPUT', { field: 'withinDays' });
  await api.fails(who.community, ESCALATE, { input: { ...input, meetingId: stableId('m') } }, 'BAD_USER_INPUT', { field: 'caseId' });
  await api.fails(who.community, ESCALATE, { input: { reason: input.reason } }, 'BAD_USER_INPUT', { field: 'caseId' });
  await api.fails(who.community, ESCALATE, { input: { ...input, caseId: stableId('no case') } }, 'NOT_FOUND', { field: 'caseId' });
  await api.fails(who.community, ESCALATE, { input: { ...input, caseId: closed._id } }, 'BAD_USER_INPUT', { reason: 'CASE_FINAL' });
  // Only the community's own secretary escalates: not another community's, not the levels above, not grid workers or residents.
  await api.fails(who.otherCommunity, ESCALATE, { input }, 'FORBIDDEN');
  await api.fails(who.workingCommittee, ESCALATE, { input }, 'FORBIDDEN');
  await api.fails(who.gridWorker, ESCALATE, { input }, 'FORBIDDEN');
  await api.fails(who.resident, ESCALATE, { input }, 'FORBIDDEN');
  await api.fails(null, ESCALATE, { input }, 'UNAUTHENTICATED');
  expect(await snapshot(stack, ['party'])).toBe(before);
});

test('escalate → forward to the county → on-site meeting → tasks done → resolved, each step reported back to the case', async () => {
  const { version: v0 } = (await api.ok(who.community, HISTORY, { id: caseId })).jointCase;
  const esc = (await api.ok(who.community, ESCALATE, { input: { caseId, reason: '外墙保温层大面积脱落，需规划、住建联合处置', withinDays: 10 } })).escalate;
  expect(esc).toMatchObject({ level: 'WORKING_COMMITTEE', status: 'OPEN', steps: [{ level: 'WORKING_COMMITTEE' }], case: { id: caseId } });
  await api.fails(who.community, ESCALATE, { input: { caseId, reason: '再次上报' } }, 'CONFLICT', { field: 'caseId' });

  // 工委直报县委: only the working committee above the community forwards it, once.
  await api.fails(who.community, FORWARD, { id: esc.id, reason: '需县级统筹' }, 'FORBIDDEN');
  await api.fails(who.county, FORWARD, { id: esc.id, reason: '需县级统筹' }, 'FORBIDDEN');
  const fwd = (await api.ok(who.workingCommittee, FORWARD, { id: esc.id, reason: '涉及土地和资金，需县级统筹' })).forwardEscalation;
  expect(fwd).toMatchObject({ level: 'COUNTY', status: 'OPEN', steps: [{ level: 'WORKING_COMMITTEE' }, { level: 'COUNTY' }] });
  await api.fails(who.workingCommittee, FORWARD, { id: esc.id, reason: '再转' }, 'BAD_USER_INPUT', { reason: 'ILLEGAL_TRANSITION' });

  // 县领导现场办公会: the county convenes (the working committee no longer may); bad input changes nothing.
  const input = {
    escalationId: esc.id,
    title: '县领导现场办公会',
    heldAt: hoursFromNow(0), // after the escalation, not in the future
    convenerName: '县委副书记',
    presentUnitIds: [UNIT.naturalResources, UNIT.health],
    decisions: ['自然资源局牵头，卫健局配合'],
    tasks: [
      { unitId: UNIT.naturalResources, description: '完成外墙修复方案审批', dueAt: hoursFromNow(72) },
      { unitId: UNIT.health, description: '排查受影响老人健康状况', dueAt: hoursFromNow(48) },
    ],
  };
  const before = await snapshot(stack, ['party']);
  await api.fails(who.workingCommittee, CONVENE, { input }, 'FORBIDDEN');
  await api.fails(who.community, CONVENE, { input }, 'FORBIDDEN');
  await api.fails(who.county, CONVENE, { input: { ...input, tasks: [] } }, 'BAD_USER_INPUT', { field: 'tasks' });
  await api.fails(who.county, CONVENE, { input: { ...input, heldAt: hoursFromNow(5) } }, 'BAD_USER_INPUT', { field: 'heldAt' });
  await api.fails(who.county, CONVENE, { input: { ...input, tasks: [{ ...input.tasks[0], dueAt: hoursFromNow(-30) }] } }, 'BAD_USER_INPUT', { field: 'tasks.dueAt' });
  await api.fails(who.county, CONVENE, { input: { ...input, tasks: [{ ...input.tasks[0], unitId: stableId('no unit') }] } }, 'NOT_FOUND', { field: 'tasks.unitId' });
  expect(await snapshot(stack, ['party'])).toBe(before);
  const meeting = (await api.ok(who.county, CONVENE, { input })).conveneOnSiteMeeting;
  expect(meeting).toMatchObject({ kind: 'ON_SITE', level: 'COUNTY', escalation: { id: esc.id } });
  const [health, land] = meeting.tasks; // earliest due first
  expect([health.unit.id, land.unit.id, health.status]).toEqual([UNIT.health, UNIT.naturalResources, 'PENDING']);

  // Each unit accepts and completes its own task (限时办结); not another unit's, not before accepting.
  const healthClerk = who.unit('county:health');
  const landClerk = who.unit('county:natural-resources');
  await api.fails(healthClerk, COMPLETE, { id: health.id }, 'BAD_USER_INPUT', { reason: 'ILLEGAL_TRANSITION' });
  await api.fails(healthClerk, ACCEPT, { id: land.id }, 'FORBIDDEN');
  await api.fails(who.resident, ACCEPT, { id: land.id }, 'FORBIDDEN');
  expect((await api.ok(healthClerk, ACCEPT, { id: health.id })).acceptMeetingTask.status).toBe('ACCEPTED');
  await api.fails(healthClerk, ACCEPT, { id: health.id }, 'BAD_USER_INPUT', { reason: 'ILLEGAL_TRANSITION' });
  expect((await api.ok(healthClerk, COMPLETE, { id: health.id, note: '已入户排查12户' })).completeMeetingTask).toMatchObject({ status: 'DONE', onTime: true });
  const halfway = (await api.ok(who.county, 'query($id: ID!) { escalation(id: $id) { status } }', { id: esc.id })).escalation;
  expect(halfway.status).toBe('OPEN');
  await api.ok(landClerk, ACCEPT, { id: land.id });
  await api.ok(landClerk, COMPLETE, { id: land.id });

  const done = (await api.ok(who.community, 'query($id: ID!) { escalation(id: $id) { status resolvedWithinLimit resolvedAt meetings { id } tasks { status } } }', { id: esc.id }))
    .escalation;
  expect(done).toMatchObject({ status: 'RESOLVED', resolvedWithinLimit: true, meetings: [{ id: meeting.id }], tasks: [{ status: 'DONE' }, { status: 'DONE' }] });
  const onCase = (await api.ok(who.community, 'query($id: ID!) { jointCase(id: $id) { escalation { id status level } } }', { id: caseId })).jointCase;
  expect(onCase.escalation).toEqual({ id: esc.id, status: 'RESOLVED', level: 'COUNTY' });
  // Reported back to the case (回告): four events that leave its status alone, one version each.
  const c = (await api.ok(who.community, HISTORY, { id: caseId })).jointCase;
  expect(c.version).toBe(v0 + 4);
  expect(c.history.slice(-4).map((e: { step: string; from: string; to: string }) => [e.step, e.from, e.to])).toEqual(
    ['ESCALATE', 'FORWARD_TO_COUNTY', 'ON_SITE_MEETING', 'ESCALATION_RESOLVED'].map((step) => [step, 'IN_PROGRESS', 'IN_PROGRESS']),
  );
  // The case steps still work on the new version.
  await api.ok(who.community, 'mutation($id: ID!, $v: Int!) { inquireJointCase(id: $id, expectedVersion: $v, note: "问单") { version } }', { id: caseId, v: c.version });
});

test("the community's escalation measures agree with the escalation list, per level", async () => {
  const year = chinaYear();
  const list = (
    await api.ok(
      who.community,
      `query($c: ID!) { escalations(filter: { communityId: $c }, first: 100) { totalCount edges { node { level status escalatedAt resolvedWithinLimit } } } }`,
      { c: who.communityId },
    )
  ).escalations;
  expect(list.totalCount).toBeLessThanOrEqual(100);
  const rows = list.edges.map((e: { node: Record<string, string | boolean> }) => e.node).filter((n: { escalatedAt: string }) => chinaYear(n.escalatedAt) === year);
  const at = (level: string) => rows.filter((r: { level: string }) => r.level === level);
  const count = (level: string) => ({
    level,
    escalated: level === 'WORKING_COMMITTEE' ? rows.length : at(level).length,
    resolved: at(level).filter((r: { status: string }) => r.status === 'RESOLVED').length,
    resolvedWithinLimit: at(level).filter((r: { resolvedWithinLimit: boolean }) => r.resolvedWithinLimit).length,
    open: at(level).filter((r: { status: string }) => r.status === 'OPEN').length,
  });
  const q = `query($c: ID!, $y: Int!) { community(id: $c) { escalationMeasures(year: $y) {
    escalated resolved resolvedWithinLimit open levels { level escalated resolved resolvedWithinLimit open } } } }`;
  const m = (await api.ok(who.community, q, { c: who.communityId, y: year })).community.escalationMeasures;
  const levels = [count('WORKING_COMMITTEE'), count('COUNTY')];
  expect(m.levels).toEqual(levels);
  expect(m).toMatchObject({ escalated: rows.length, resolved: levels[0]!.resolved + levels[1]!.resolved, open: levels[0]!.open + levels[1]!.open });
  // The seeds bring resolved-in-time, resolved-late and open escalations, some at each level.
  expect(m.resolved).toBeGreaterThan(m.resolvedWithinLimit);
  expect(m.open).toBeGreaterThan(0);
  expect(m.levels[1].escalated).toBeGreaterThan(0);
  const bad = await api.call(who.community, q, { c: who.communityId, y: 1899 });
  expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
});

test("a problem of the community's own meeting is escalated; a county meeting's is not", async () => {
  const hold = 'mutation($input: HoldJointMeetingInput!) { holdJointMeeting(input: $input) { id } }';
  const base = { title: '大党委联席会议', heldAt: hoursFromNow(-2), presentUnitIds: [], agenda: [{ source: 'OTHER', title: '停车难' }], decisions: ['上报党工委'], tasks: [] };
  const local = (
    await api.ok(who.community, hold, {
      input: { ...base, bodyId: stableId('joint-meeting-body', world.party!.PartyOrganization!.find((o) => o.level === 'COMMUNITY_COMMITTEE')!._id) },
    })
  ).holdJointMeeting;
  const county = (await api.ok(who.county, hold, { input: { ...base, bodyId: stableId('joint-meeting-body', 'county') } })).holdJointMeeting;
  await api.fails(who.community, ESCALATE, { input: { meetingId: county.id, reason: '停车难' } }, 'BAD_USER_INPUT', { field: 'meetingId' });
  const esc = (
    await api.ok(who.community, 'mutation($input: EscalateInput!) { escalate(input: $input) { level source meeting { id } case { id } } }', {
      input: { meetingId: local.id, reason: '停车难需规划新增车位' },
    })
  ).escalate;
  expect(esc).toEqual({ level: 'WORKING_COMMITTEE', source: 'MEETING', meeting: { id: local.id }, case: null });
});
