/**
 * A year (2026) of the three-level link and joint meetings for the demo, at every scale: the county's functional
 * departments (职能部门) on the roster, a county 党建联席会议 meeting every half year and the community's 大党委
 * meeting every two months, each with agenda items from the ledgers and lists and tasks (tasks per meeting grow with
 * the grids); escalations of open cases (resolved within the limit, resolved late after forwarding to the county,
 * still open) with their on-site meetings, the events they add to the cases, and urges (督单) on overdue work.
 * Documents are what the mutations would write (same ids, flags, history events). Deterministic.
 */
import { fakerZH_CN as faker } from '@faker-js/faker';
import { stableId, type Scale, type SeedDoc, type World } from '@cg/kit';
import type { EscalationStep } from '../escalation/caseEvents';
import { FINAL, ON_THE_CLOCK } from '../jointCase/lifecycle';
import { leadTask } from '../jointCase/tasks';
import type { EscalationDoc } from '../models/Escalation';
import type { JointCaseDoc } from '../models/JointCase';
import type { JointMeetingBodyDoc } from '../models/JointMeetingBody';
import type { AgendaItemDoc, MeetingDoc } from '../models/Meeting';
import type { MeetingTaskDoc } from '../models/MeetingTask';
import type { ResponseUnitDoc } from '../models/ResponseUnit';
import type { UrgeDoc } from '../models/Urge';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-01T09:00:00+08:00');
const at = (date: string) => new Date(`${date}T09:30:00+08:00`);
const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

const FUNCTIONAL: Array<[string, string, ResponseUnitDoc['categories']]> = [
  ['county:natural-resources', '张北县自然资源和规划局', ['BUILDING_SAFETY']],
  ['county:health', '张北县卫生健康局', ['ASSISTANCE']],
  ['county:education', '张北县教育局', ['OTHER']],
  ['county:civil-affairs', '张北县民政局', ['ASSISTANCE', 'DISPUTE']],
];
const TASKS = ['制定整改方案并限时完成', '协调资金和施工队伍进场', '入户核实并反馈处理结果', '组织专项排查', '完善长效管理机制'];
const DECISIONS = ['问题清单交由成员单位认领，限期办结', '下次会议通报办理情况'];

interface Out {
  ResponseUnit: SeedDoc[];
  JointCase: SeedDoc[];
}

export function extendGovernance(world: World, scale: Scale, out: Out): Record<string, SeedDoc[]> {
  faker.seed(20261202);
  const orgs = world.party!.PartyOrganization!;
  const committee = orgs.find((o) => o.level === 'COMMUNITY_COMMITTEE')!;
  const workingCommittee = orgs.find((o) => o.level === 'WORKING_COMMITTEE')!;
  const community = world['civil-affairs']!.Community![0]!;
  const grids = world['civil-affairs']!.Grid!;
  const roster = out.ResponseUnit as unknown as ResponseUnitDoc[];
  const cases = out.JointCase as unknown as JointCaseDoc[];
  const functional: ResponseUnitDoc[] = FUNCTIONAL.map(([department, name, categories]) => ({
    _id: stableId('response-unit', department),
    name,
    kind: 'FUNCTIONAL_DEPARTMENT',
    department,
    communityId: community._id,
    categories,
  }));
  const byKind = (kind: string) => roster.filter((u) => u.kind === kind);
  const county: JointMeetingBodyDoc = {
    _id: stableId('joint-meeting-body', 'county'),
    name: '张北县党建联席会议',
    level: 'COUNTY',
    organizationId: null,
    convenerName: faker.person.fullName(),
    convenerTitle: '县委书记',
    memberUnitIds: [...functional, ...byKind('CONSTRUCTION'), ...byKind('LAW_ENFORCEMENT'), ...byKind('JOINT_BUILDING')].map((u) => u._id),
    communityIds: [community._id],
    intervalMonths: 6,
  };
  const local: JointMeetingBodyDoc = {
    _id: stableId('joint-meeting-body', committee._id),
    name: `${community.name}大党委联席会议`,
    level: 'COMMUNITY',
    organizationId: committee._id,
    convenerName: faker.person.fullName(),
    convenerTitle: '社区党委书记',
    memberUnitIds: roster.map((u) => u._id),
    communityIds: [community._id],
    intervalMonths: 2,
  };
  const units = new Map([...roster, ...functional].map((u) => [u._id, u]));
  const meetings: MeetingDoc[] = [];
  const tasks: MeetingTaskDoc[] = [];
  const perMeeting = 2 + Math.floor(scale.grids / 8);

  /** Task i of a meeting: done on time, done late, accepted, pending (open ones are overdue once past their limit). */
  const addTasks = (m: MeetingDoc, unitIds: string[], days: number, escalationId: string | null, outcome: (i: number) => 'ON_TIME' | 'LATE' | 'ACCEPTED' | 'PENDING') =>
    unitIds.forEach((unitId, i) => {
      const unit = units.get(unitId)!;
      const dueAt = new Date(m.heldAt.getTime() + days * DAY);
      const state = outcome(i);
      const doneAt = state === 'ON_TIME' ? new Date(dueAt.getTime() - 2 * DAY) : state === 'LATE' ? new Date(dueAt.getTime() + 3 * DAY) : null;
      tasks.push({
        _id: stableId('meeting-task', m._id, i),
        meetingId: m._id,
        meetingKind: m.kind,
        level: m.level,
        escalationId,
        communityIds: m.communityIds,
        unitId,
        unitName: unit.name,
        department: unit.department,
        description: `${unit.name}${TASKS[i % TASKS.length]}`,
        assignedAt: m.heldAt,
        dueAt,
        year: 2026,
        status: doneAt ? 'DONE' : state === 'ACCEPTED' ? 'ACCEPTED' : 'PENDING',
        acceptedAt: state === 'PENDING' ? null : new Date(m.heldAt.getTime() + DAY),
        doneAt,
        note: doneAt ? '已办结' : null,
        done: doneAt ? 1 : 0,
        onTime: state === 'ON_TIME' ? 1 : 0,
      });
    });

  const openCases = cases.filter((c) => !FINAL.includes(c.status) && c.status !== 'SUBMITTED');
  const agendaFor = (n: number): AgendaItemDoc[] => {
    const c = cases[n % cases.length]!;
    const grid = grids[n % grids.length]!;
    return [
      { source: 'PROBLEM_LIST', title: '问题清单：群众反映集中的问题', category: c.category },
      { source: 'PUBLIC_SENTIMENT', title: `民情台账：${grid.name ?? '网格'}`, gridId: grid._id, category: c.category },
      { source: 'JOINT_CASE', title: c.description, caseId: c._id },
      { source: 'GOVERNMENT_LEDGER', title: '政务台账：成员单位办理情况', unitId: roster[n % roster.length]!._id },
    ];
  };
  const hold = (body: JointMeetingBodyDoc, dates: string[], days: number) =>
    dates.forEach((date, n) => {
      const m: MeetingDoc = {
        _id: stableId('meeting', body._id, n),
        kind: 'JOINT',
        level: body.level,
        bodyId: body._id,
        escalationId: null,
        organizationId: body.organizationId ?? null,
        communityIds: body.communityIds,
        title: `${body.name}${date.slice(0, 7)}例会`,
        heldAt: at(date),
        year: 2026,
        convenerName: body.convenerName,
        convenedBy: null,
        attendance: body.memberUnitIds.map((unitId, i) => ({ unitId, present: (i + n) % 7 !== 6 })),
        agenda: agendaFor(n),
        decisions: DECISIONS,
      };
      meetings.push(m);
      const assigned = Array.from({ length: Math.min(perMeeting, body.memberUnitIds.length) }, (_, i) => body.memberUnitIds[(n * perMeeting + i) % body.memberUnitIds.length]!);
      addTasks(m, assigned, days, null, (i) => (['ON_TIME', 'ON_TIME', 'LATE', 'ACCEPTED', 'PENDING'] as const)[(i + n) % 5]!);
    });
  hold(county, ['2026-01-16', '2026-07-17'], 60);
  hold(local, ['2026-01-08', '2026-03-05', '2026-05-07', '2026-07-02', '2026-09-03', '2026-11-05'], 30);

  const escalations: EscalationDoc[] = [];
  const event = (c: JointCaseDoc, when: Date, step: EscalationStep, note: string) => {
    c.history.push({ at: when, by: null, role: null, step: step as JointCaseDoc['history'][number]['step'], from: c.status, to: c.status, unitId: null, note });
    c.version += 1;
  };
  const functionalIds = functional.map((u) => u._id);
  const count = Math.max(3, Math.min(openCases.length, Math.round(scale.grids / 2)));
  // One case per grid first, so the escalations spread over the grids (grid-scoped readers see only theirs).
  const spread = [
    ...openCases.filter((c, i) => openCases.findIndex((o) => o.gridId === c.gridId) === i),
    ...openCases.filter((c, i) => openCases.findIndex((o) => o.gridId === c.gridId) !== i),
  ];
  spread.slice(0, count).forEach((c, n) => {
    const escalatedAt = new Date(new Date(c.submittedAt).getTime() + 2 * DAY);
    const outcome = (['ON_TIME', 'LATE', 'OPEN'] as const)[n % 3]!;
    const forwarded = outcome !== 'ON_TIME';
    const e: EscalationDoc = {
      _id: stableId('escalation', 'JOINT_CASE', c._id),
      source: 'JOINT_CASE',
      caseId: c._id,
      meetingId: null,
      communityId: c.communityId,
      gridId: c.gridId,
      workingCommitteeId: workingCommittee._id,
      level: forwarded ? 'COUNTY' : 'WORKING_COMMITTEE',
      status: outcome === 'OPEN' ? 'OPEN' : 'RESOLVED',
      reason: `社区协调${c.description}未果，需上级统筹`,
      escalatedAt,
      escalatedBy: null,
      year: 2026,
      quarter: Math.floor(new Date(escalatedAt.getTime() + 8 * 3_600_000).getUTCMonth() / 3) + 1,
      dueAt: new Date(escalatedAt.getTime() + 15 * DAY),
      steps: [{ level: 'WORKING_COMMITTEE', at: escalatedAt, by: null, reason: '社区无法解决' }],
      resolvedAt: null,
      resolved: 0,
      onTime: 0,
      reachedCounty: forwarded ? 1 : 0,
    };
    event(c, escalatedAt, 'ESCALATE', `上报党工委: ${e.reason}`);
    if (forwarded) {
      const when = new Date(escalatedAt.getTime() + DAY);
      e.steps.push({ level: 'COUNTY', at: when, by: null, reason: '涉及多个职能部门，工委直报县委' });
      event(c, when, 'FORWARD_TO_COUNTY', '工委直报县委: 涉及多个职能部门');
    }
    const m: MeetingDoc = {
      _id: stableId('meeting', 'on-site', e._id),
      kind: 'ON_SITE',
      level: e.level,
      bodyId: null,
      escalationId: e._id,
      organizationId: forwarded ? null : workingCommittee._id,
      communityIds: [c.communityId],
      title: forwarded ? '县领导现场办公会' : '党工委现场办公会',
      heldAt: new Date(escalatedAt.getTime() + 3 * DAY),
      year: 2026,
      convenerName: forwarded ? '县委副书记' : '党工委书记',
      convenedBy: null,
      attendance: functionalIds.map((unitId) => ({ unitId, present: true })),
      agenda: [
        { source: 'ESCALATION', title: e.reason, escalationId: e._id },
        { source: 'JOINT_CASE', title: '案件', caseId: c._id },
      ],
      decisions: ['明确牵头部门，限时办结'],
    };
    meetings.push(m);
    const assigned = [functionalIds[n % functionalIds.length]!, functionalIds[(n + 1) % functionalIds.length]!];
    addTasks(m, assigned, 10, e._id, (i) => (outcome === 'ON_TIME' ? 'ON_TIME' : outcome === 'LATE' ? 'LATE' : i === 0 ? 'ON_TIME' : 'ACCEPTED'));
    event(c, m.heldAt, 'ON_SITE_MEETING', `${m.title}: 交办${assigned.map((id) => units.get(id)!.name).join('、')}`);
    if (outcome !== 'OPEN') {
      const last = tasks.filter((t) => t.escalationId === e._id).reduce((max, t) => Math.max(max, t.doneAt!.getTime()), 0);
      Object.assign(e, { resolvedAt: new Date(last), resolved: 1, onTime: last <= e.dueAt.getTime() ? 1 : 0 });
      event(c, new Date(last), 'ESCALATION_RESOLVED', '督办事项全部办结');
    }
    escalations.push(e);
  });

  // 督单: every open meeting task past its limit is urged once (the older half answered); so is every other overdue case's lead.
  const urges: UrgeDoc[] = [];
  const urge = (targetKind: UrgeDoc['targetKind'], targetId: string, unit: { unitId: string; department: string }, dueAt: Date, n: number, gridId: string | null) => {
    const urgedAt = new Date(Math.min(NOW - DAY, dueAt.getTime() + 2 * DAY));
    urges.push({
      _id: stableId('urge', targetId, unit.unitId),
      targetKind,
      targetId,
      unitId: unit.unitId,
      department: unit.department,
      communityId: community._id,
      gridId,
      urgedAt,
      day: chinaDay(urgedAt),
      urgedBy: null,
      urgedByRole: 'PARTY_SECRETARY',
      note: '已超期，请加快办理并反馈',
      dueAt,
      // Unanswered urges carry no answer fields at all, as answerUrge finds them (`answeredAt` absent).
      ...(n % 2 === 0 ? { answer: '已协调施工队伍，本周内办结', answeredAt: new Date(urgedAt.getTime() + 4 * 3_600_000) } : {}),
    });
  };
  tasks.filter((t) => t.status !== 'DONE' && t.dueAt.getTime() < NOW).forEach((t, n) => urge('MEETING_TASK', t._id, t, t.dueAt, n, null));
  cases
    .filter((c) => ON_THE_CLOCK.includes(c.status) && new Date(c.dueAt).getTime() < NOW && leadTask(c))
    .filter((_, n) => n % 2 === 0)
    .forEach((c, n) => urge('JOINT_CASE', c._id, leadTask(c)!, c.dueAt, n, c.gridId));

  const docs = <T>(list: T[]) => list as unknown as SeedDoc[];
  return {
    ResponseUnit: docs(functional),
    JointMeetingBody: docs([county, local]),
    Meeting: docs(meetings),
    MeetingTask: docs(tasks),
    Escalation: docs(escalations),
    Urge: docs(urges),
  };
}
