import { observeCommands, stableId, todayInChina, type World } from '@cg/kit';
import { buildWorld, snapshot, startStack, type Stack } from '@cg/kit/testing';
import type { JointCaseDoc } from '../src/models/JointCase';
import { actors, chinaYear, client, hoursFromNow, UNIT } from './governance';

// Joint meetings (党建联席会议) and supervision (督单) through the gateway: a county meeting assigns member units tasks,
// one runs overdue, is urged, answered and shows in the unit's daily digest until done; a standing body is set up at
// its own level only; the community's meeting measures against counts taken from the meeting list.
let stack: Stack;
let world: World;
let api: ReturnType<typeof client>;
let who: ReturnType<typeof actors>;
const COUNTY_BODY = stableId('joint-meeting-body', 'county');

const HOLD =
  'mutation($input: HoldJointMeetingInput!) { holdJointMeeting(input: $input) { id kind level agenda { source case { id } category deliberationId } attendance { unit { id } present } tasks { id unit { id } status overdue } } }';
const URGE = 'mutation($input: UrgeInput!) { urge(input: $input) { id targetKind unit { id } note answer } }';
const ANSWER = 'mutation($id: ID!, $answer: String!) { answerUrge(id: $id, answer: $answer) { id answer answeredBy } }';
const DIGEST = `query($u: ID!, $d: String!) { overdueDigest(unitId: $u, date: $d) { date urgedOnDay
  caseTasks { case { id } task { unit { id } status } urges { id note answer } }
  meetingTasks { id overdue urges { id answer } } } }`;

beforeAll(async () => {
  world = await buildWorld('small');
  stack = await startStack({ as: 'party-secretary' });
  api = client(stack);
  who = actors(world);
}, 120_000);
afterAll(() => stack.stop());

const caseOf = () => (world.party!.JointCase as unknown as JointCaseDoc[]).find((c) => c.status === 'IN_PROGRESS')!;
const meetingInput = () => ({
  bodyId: COUNTY_BODY,
  title: '县党建联席会议（临时）',
  heldAt: hoursFromNow(-72),
  presentUnitIds: [UNIT.naturalResources, UNIT.health],
  agenda: [
    { source: 'PROBLEM_LIST', title: '外墙脱落集中', category: 'BUILDING_SAFETY' },
    { source: 'JOINT_CASE', title: caseOf().description, caseId: caseOf()._id },
    { source: 'DELIBERATION', title: '小院圆桌会议定事项', deliberationId: stableId('deliberation', 'demo') },
  ],
  decisions: ['自然资源局、卫健局限期办结'],
  tasks: [
    { unitId: UNIT.naturalResources, description: '完成违建排查', dueAt: hoursFromNow(-24) },
    { unitId: UNIT.health, description: '开展健康义诊', dueAt: hoursFromNow(240) },
  ],
});

test('holdJointMeeting: the body’s level (or above) holds it; bad input changes nothing', async () => {
  const input = meetingInput();
  const before = await snapshot(stack, ['party']);
  await api.fails(who.community, HOLD, { input }, 'FORBIDDEN');
  await api.fails(who.workingCommittee, HOLD, { input }, 'FORBIDDEN');
  await api.fails(who.unit('county:health'), HOLD, { input }, 'FORBIDDEN');
  await api.fails(who.county, HOLD, { input: { ...input, bodyId: stableId('no body') } }, 'NOT_FOUND', { field: 'bodyId' });
  await api.fails(who.county, HOLD, { input: { ...input, agenda: [{ source: 'JOINT_CASE', title: '缺案件' }] } }, 'BAD_USER_INPUT', { field: 'agenda.caseId' });
  await api.fails(who.county, HOLD, { input: { ...input, agenda: [{ source: 'JOINT_CASE', title: 'x', caseId: stableId('none') }] } }, 'NOT_FOUND', { field: 'agenda.caseId' });
  await api.fails(who.county, HOLD, { input: { ...input, presentUnitIds: [UNIT.community] } }, 'BAD_USER_INPUT', { field: 'presentUnitIds' });
  await api.fails(who.county, HOLD, { input: { ...input, tasks: [{ ...input.tasks[0], unitId: UNIT.community }] } }, 'BAD_USER_INPUT', { field: 'tasks.unitId' });
  await api.fails(who.county, HOLD, { input: { ...input, heldAt: '2026-13-01T00:00:00Z' } }, 'BAD_USER_INPUT', { field: 'heldAt' });
  expect(await snapshot(stack, ['party'])).toBe(before);
});

test('joint meeting → tasks → one overdue → urged → answered → in the digest → done late, out of the digest', async () => {
  const input = { ...meetingInput(), idempotencyKey: 'county-meeting-0001' };
  const m = (await api.ok(who.county, HOLD, { input })).holdJointMeeting;
  const again = (await api.ok(who.county, HOLD, { input })).holdJointMeeting; // a retry: the same meeting, no second set of tasks
  expect(again.id).toBe(m.id);
  expect(again.tasks).toHaveLength(2);
  expect(m.agenda.map((a: { source: string }) => a.source)).toEqual(['PROBLEM_LIST', 'JOINT_CASE', 'DELIBERATION']);
  expect(m.attendance.filter((a: { present: boolean }) => a.present).map((a: { unit: { id: string } }) => a.unit.id)).toEqual([UNIT.naturalResources, UNIT.health]);
  const [late, fine] = m.tasks;
  expect([late.unit.id, late.overdue, fine.overdue]).toEqual([UNIT.naturalResources, true, false]);
  const overdue = (
    await api.ok(who.county, `query($u: ID!) { meetingTasks(filter: { unitId: $u, overdue: true }, first: 100) { edges { node { id } } } }`, { u: UNIT.naturalResources })
  ).meetingTasks.edges;
  expect(overdue.map((e: { node: { id: string } }) => e.node.id)).toContain(late.id);

  // 督单: the county (the meeting's level) urges; a community secretary may not; a task on time is not urged.
  await api.fails(who.community, URGE, { input: { targetKind: 'MEETING_TASK', targetId: late.id, note: '请加快' } }, 'FORBIDDEN');
  await api.fails(who.county, URGE, { input: { targetKind: 'MEETING_TASK', targetId: fine.id, note: '请加快' } }, 'BAD_USER_INPUT', { reason: 'NOT_OVERDUE' });
  await api.fails(who.county, URGE, { input: { targetKind: 'MEETING_TASK', targetId: late.id, note: ' ' } }, 'BAD_USER_INPUT', { field: 'note' });
  const urge = (await api.ok(who.county, URGE, { input: { targetKind: 'MEETING_TASK', targetId: late.id, note: '已超期一天，请说明原因' } })).urge;
  expect(urge).toMatchObject({ targetKind: 'MEETING_TASK', unit: { id: UNIT.naturalResources }, answer: null });

  const landClerk = who.unit('county:natural-resources');
  await api.fails(who.unit('county:health'), ANSWER, { id: urge.id, answer: '不是我们' }, 'FORBIDDEN');
  expect((await api.ok(landClerk, ANSWER, { id: urge.id, answer: '测绘延误，三日内办结' })).answerUrge).toMatchObject({
    answer: '测绘延误，三日内办结',
    answeredBy: landClerk.subject,
  });
  await api.fails(landClerk, ANSWER, { id: urge.id, answer: '再答' }, 'CONFLICT');

  const today = todayInChina();
  const digest = (await api.ok(landClerk, DIGEST, { u: UNIT.naturalResources, d: today })).overdueDigest;
  const row = digest.meetingTasks.find((t: { id: string }) => t.id === late.id);
  expect(row).toMatchObject({ overdue: true, urges: [{ id: urge.id, answer: '测绘延误，三日内办结' }] });
  const urgedToday = (
    await api.ok(who.county, `query($u: ID!) { urges(filter: { unitId: $u }, first: 100) { edges { node { urgedAt } } } }`, { u: UNIT.naturalResources })
  ).urges.edges.filter((e: { node: { urgedAt: string } }) => todayInChina(new Date(e.node.urgedAt)) === today).length;
  expect(digest.urgedOnDay).toBe(urgedToday);
  await api.fails(landClerk, DIGEST, { u: UNIT.naturalResources, d: '2026-02-30' }, 'BAD_USER_INPUT', { field: 'date' });

  await api.ok(landClerk, 'mutation($id: ID!) { acceptMeetingTask(id: $id) { id } }', { id: late.id });
  const done = (await api.ok(landClerk, 'mutation($id: ID!) { completeMeetingTask(id: $id, note: "已办结") { status onTime overdue } }', { id: late.id })).completeMeetingTask;
  expect(done).toEqual({ status: 'DONE', onTime: false, overdue: false });
  const after = (await api.ok(landClerk, DIGEST, { u: UNIT.naturalResources, d: today })).overdueDigest;
  expect(after.meetingTasks.map((t: { id: string }) => t.id)).not.toContain(late.id);
});

test('an overdue case task is urged by the community and shows in the unit’s digest with its urges', async () => {
  const now = Date.now();
  const cases = (world.party!.JointCase as unknown as JointCaseDoc[]).filter(
    (c) => ['ACCEPTED', 'IN_PROGRESS', 'DISPATCHED'].includes(c.status) && new Date(c.dueAt).getTime() < now,
  );
  const c = cases[0]!;
  const task = c.tasks.find((t) => t.status === 'PENDING' || t.status === 'ACCEPTED')!;
  await api.fails(who.county, URGE, { input: { targetKind: 'CASE_TASK', targetId: c._id, note: '请反馈' } }, 'BAD_USER_INPUT', { field: 'unitId' });
  await api.fails(who.otherCommunity, URGE, { input: { targetKind: 'CASE_TASK', targetId: c._id, unitId: task.unitId, note: '请反馈' } }, 'FORBIDDEN');
  await api.fails(who.gridWorker, URGE, { input: { targetKind: 'CASE_TASK', targetId: c._id, unitId: task.unitId, note: '请反馈' } }, 'FORBIDDEN');
  const urge = (await api.ok(who.community, URGE, { input: { targetKind: 'CASE_TASK', targetId: c._id, unitId: task.unitId, note: '案件超期，请今日反馈' } })).urge;
  const digest = (await api.ok(who.community, DIGEST, { u: task.unitId, d: todayInChina() })).overdueDigest;
  const row = digest.caseTasks.find((r: { case: { id: string } }) => r.case.id === c._id);
  expect(row.task).toMatchObject({ unit: { id: task.unitId }, status: task.status });
  expect(row.urges[0]).toMatchObject({ id: urge.id, note: '案件超期，请今日反馈' });
  // The case itself lists its urges, newest first.
  const onCase = (await api.ok(who.community, 'query($id: ID!) { jointCase(id: $id) { urges { id note unit { id } } } }', { id: c._id })).jointCase.urges;
  expect(onCase[0]).toEqual({ id: urge.id, note: '案件超期，请今日反馈', unit: { id: task.unitId } });
  // The reporter sees their case, but not the supervision records on it: those alone come back refused.
  const asReporter = await stack.query(
    'query($id: ID!) { jointCase(id: $id) { id urges { id } } }',
    { id: c._id },
    { token: await stack.token('resident', { subject: c.reporterId }) },
  );
  expect(asReporter.data.jointCase).toEqual({ id: c._id, urges: null });
  expect(asReporter.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([['jointCase.urges', 'FORBIDDEN']]);
});

test('createJointMeetingBody: at its own level only; bad input changes nothing', async () => {
  const committee = world.party!.PartyOrganization!.find((o) => o.level === 'COMMUNITY_COMMITTEE')!._id;
  const q =
    'mutation($input: CreateJointMeetingBodyInput!) { createJointMeetingBody(input: $input) { id level intervalMonths memberUnits { id } organization { id } nextMeetingDue } }';
  const input = {
    name: '社区物业联席会议',
    level: 'COMMUNITY',
    organizationId: committee,
    convenerName: '王书记',
    convenerTitle: '社区党委书记',
    memberUnitIds: [UNIT.community],
    communityIds: [who.communityId],
    intervalMonths: 1,
  };
  const before = await snapshot(stack, ['party']);
  await api.fails(who.community, q, { input: { ...input, intervalMonths: 0 } }, 'BAD_USER_INPUT', { field: 'intervalMonths' });
  await api.fails(who.community, q, { input: { ...input, organizationId: who.wcId } }, 'BAD_USER_INPUT', { field: 'organizationId' });
  await api.fails(who.community, q, { input: { ...input, memberUnitIds: [] } }, 'BAD_USER_INPUT', { field: 'memberUnitIds' });
  await api.fails(who.community, q, { input: { ...input, level: 'COUNTY', organizationId: null } }, 'FORBIDDEN');
  await api.fails(who.otherCommunity, q, { input }, 'FORBIDDEN');
  expect(await snapshot(stack, ['party'])).toBe(before);
  const body = (await api.ok(who.community, q, { input })).createJointMeetingBody;
  expect(body).toMatchObject({ level: 'COMMUNITY', intervalMonths: 1, organization: { id: committee }, nextMeetingDue: null });
  await api.fails(who.community, q, { input }, 'CONFLICT', { field: 'name' });
});

test("the community's joint-meeting measures agree with the meeting list", async () => {
  const year = chinaYear();
  const list = (
    await api.ok(
      who.community,
      `query($c: ID!) { meetings(filter: { communityId: $c }, first: 100) { totalCount edges { node { kind level heldAt tasks { status onTime dueAt } } } } }`,
      { c: who.communityId },
    )
  ).meetings;
  expect(list.totalCount).toBeLessThanOrEqual(100);
  type Row = { kind: string; level: string; heldAt: string; tasks: Array<{ status: string; onTime: boolean; dueAt: string }> };
  const rows: Row[] = list.edges.map((e: { node: Row }) => e.node).filter((m: Row) => chinaYear(m.heldAt) === year);
  const joint = rows.filter((m) => m.kind === 'JOINT');
  const tasks = joint.flatMap((m) => m.tasks);
  const level = (l: string) => {
    const ts = joint.filter((m) => m.level === l).flatMap((m) => m.tasks);
    return {
      level: l,
      meetings: joint.filter((m) => m.level === l).length,
      tasksAssigned: ts.length,
      tasksDone: ts.filter((t) => t.status === 'DONE').length,
      tasksDoneOnTime: ts.filter((t) => t.onTime).length,
    };
  };
  const m = (
    await api.ok(
      who.community,
      `query($c: ID!, $y: Int!) { community(id: $c) { jointMeetingMeasures(year: $y) { meetingsHeld onSiteMeetingsHeld tasksAssigned tasksDone tasksDoneOnTime tasksOverdue completionRate
        levels { level meetings tasksAssigned tasksDone tasksDoneOnTime } } } }`,
      { c: who.communityId, y: year },
    )
  ).community.jointMeetingMeasures;
  expect(m.levels).toEqual(['COMMUNITY', 'WORKING_COMMITTEE', 'COUNTY'].map(level));
  expect(m).toMatchObject({
    meetingsHeld: joint.length,
    onSiteMeetingsHeld: rows.length - joint.length,
    tasksAssigned: tasks.length,
    tasksDone: tasks.filter((t) => t.status === 'DONE').length,
    tasksOverdue: tasks.filter((t) => t.status !== 'DONE' && Date.parse(t.dueAt) < Date.now()).length,
  });
  expect(m.completionRate).toBeCloseTo(m.tasksDone / m.tasksAssigned, 10);
  // A year of seeds: the county met at least twice (half-yearly), the community more often.
  expect(m.levels[2].meetings).toBeGreaterThanOrEqual(2);
  expect(m.levels[0].meetings).toBeGreaterThan(m.levels[2].meetings);
});

test('a page of meetings resolves bodies, escalations, tasks, units and urges with one query per collection', async () => {
  const watch = observeCommands(stack.departments.party!.connection);
  const { data, errors } = await stack.query(
    `query($c: ID!) { meetings(filter: { communityId: $c }, first: 20) { edges { node { id body { id } escalation { id level }
      attendance { unit { id } } tasks { id unit { name } meeting { id } urges { id unit { id } } } } } } }`,
    { c: who.communityId },
    { token: await stack.token('party-secretary', who.county) },
  );
  watch.stop();
  expect(errors).toBeUndefined();
  const nodes = data.meetings.edges.map((e: { node: { tasks: unknown[]; escalation: unknown } }) => e.node);
  expect(nodes.length).toBeGreaterThan(5);
  expect(nodes.some((n: { escalation: unknown }) => n.escalation)).toBe(true);
  const finds = watch.commands.filter((c) => c.name === 'find').map((c) => c.collection);
  const per = (collection: string) => finds.filter((c) => c === collection).length;
  for (const collection of ['joint_meeting_bodies', 'escalations', 'meeting_tasks', 'response_units', 'urges']) expect([collection, per(collection)]).toEqual([collection, 1]);
  expect(per('meetings')).toBeLessThanOrEqual(2); // the page, then the tasks' meetings by id in one batch
});

test("a page of cases resolves each case's escalation and urges with one query per collection", async () => {
  const seeded = world.party!.Escalation!.filter((e) => e.caseId && e.communityId === who.communityId).map((e) => e.caseId as string);
  const urged = new Set(world.party!.Urge!.filter((u) => u.targetKind !== 'MEETING_TASK').map((u) => u.targetId as string));
  const watch = observeCommands(stack.departments.party!.connection);
  const { data, errors } = await stack.query(
    `query($c: ID!) { jointCases(filter: { communityId: $c }, first: 100) { edges { node { id escalation { id case { id } } urges { id case { id } } } } } }`,
    { c: who.communityId },
    { token: await stack.token('party-secretary', who.county) },
  );
  watch.stop();
  expect(errors).toBeUndefined();
  const nodes: Array<{ id: string; escalation: { case: { id: string } } | null; urges: Array<{ case: { id: string } }> }> = data.jointCases.edges.map(
    (e: { node: unknown }) => e.node,
  );
  for (const n of nodes) {
    expect(n.escalation === null || n.escalation.case.id === n.id).toBe(true);
    expect(n.urges.every((u) => u.case.id === n.id)).toBe(true);
  }
  const shown = nodes.filter((n) => n.escalation).map((n) => n.id);
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.every((id) => seeded.includes(id))).toBe(true);
  expect(nodes.filter((n) => n.urges.length).every((n) => urged.has(n.id))).toBe(true);
  const finds = watch.commands.filter((c) => c.name === 'find').map((c) => c.collection);
  for (const collection of ['escalations', 'urges']) expect([collection, finds.filter((c) => c === collection).length]).toEqual([collection, 1]);
});
