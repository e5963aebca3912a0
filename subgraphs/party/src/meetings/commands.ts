import { actor, assertId, badInput, conflict, createOnce, isDuplicateKey, notFound, optionalText, requireEnum, requireNonBlank, stableId, updateIf } from '@cg/kit';
import type { Context } from '../context';
import type { ConveneOnSiteMeetingInput, CreateJointMeetingBodyInput, HoldJointMeetingInput } from '../generated/resolvers-types';
import { requireLevelOrAbove, requireUnit, workingCommitteeAbove, type Place } from '../escalation/authority';
import { appendCaseEvent } from '../escalation/caseEvents';
import { chinaYear, resolveIfDone } from '../escalation/commands';
import { GOVERNANCE_LEVELS, type EscalationDoc, type GovernanceLevel } from '../models/Escalation';
import type { JointMeetingBodyDoc } from '../models/JointMeetingBody';
import type { MeetingDoc } from '../models/Meeting';
import type { MeetingTaskDoc } from '../models/MeetingTask';
import type { PartyOrganizationDoc } from '../models/PartyOrganization';
import { agendaOf, decisionsOf, heldAtOf, MAX_UNITS, tasksOf, unitsOf, type PlannedTask } from './validate';

/** The organisation level a body of each governance level forms around. */
const ORGANIZATION_LEVEL: Record<GovernanceLevel, string[]> = { COUNTY: [], WORKING_COMMITTEE: ['WORKING_COMMITTEE'], COMMUNITY: ['COMMUNITY_COMMITTEE', 'GENERAL_BRANCH'] };

/** Where a body sits, for the level checks: its (first) community and the 党工委 at or above its organisation. */
const placeOfBody = async (ctx: Context, body: Pick<JointMeetingBodyDoc, 'communityIds' | 'organizationId'>): Promise<Place> => ({
  communityId: body.communityIds[0],
  workingCommitteeId: await workingCommitteeAbove(ctx.models, body.organizationId),
});

export async function createJointMeetingBody(ctx: Context, input: CreateJointMeetingBodyInput): Promise<JointMeetingBodyDoc> {
  const name = requireNonBlank(input.name, 'name', 100);
  const level = requireEnum(input.level, GOVERNANCE_LEVELS, 'level');
  const convenerName = requireNonBlank(input.convenerName, 'convenerName', 50);
  const convenerTitle = requireNonBlank(input.convenerTitle, 'convenerTitle', 50);
  if (!Number.isInteger(input.intervalMonths) || input.intervalMonths < 1 || input.intervalMonths > 12) throw badInput('intervalMonths must be 1–12', { field: 'intervalMonths' });
  const communityIds = [...new Set(input.communityIds.map((id) => assertId(id, 'communityIds')))];
  if (communityIds.length < 1 || communityIds.length > MAX_UNITS) throw badInput(`communityIds names 1–${MAX_UNITS} communities`, { field: 'communityIds' });
  if (level === 'COMMUNITY' && communityIds.length !== 1) throw badInput("a community's body covers exactly that community", { field: 'communityIds' });
  let organizationId: string | null = null;
  if (level === 'COUNTY') {
    if (input.organizationId != null) throw badInput('a county body has no convening organisation in the tree', { field: 'organizationId' });
  } else {
    organizationId = assertId(input.organizationId, 'organizationId');
    const org = (await ctx.models.PartyOrganization.findById(organizationId).lean()) as PartyOrganizationDoc | null;
    if (!org) throw notFound('PartyOrganization', organizationId, 'organizationId');
    if (!ORGANIZATION_LEVEL[level].includes(org.level)) throw badInput(`a ${level} body forms around a ${ORGANIZATION_LEVEL[level].join(' or ')}`, { field: 'organizationId' });
  }
  const units = await unitsOf(ctx, input.memberUnitIds, 'memberUnitIds', 1);
  requireLevelOrAbove(ctx.identity, level, await placeOfBody(ctx, { communityIds, organizationId }), `set up a ${level} joint meeting`);
  await ctx.peers.requireEntities('civil-affairs', 'Community', communityIds, 'communityIds');
  const doc = { name, level, organizationId, convenerName, convenerTitle, memberUnitIds: units.map((u) => u._id), communityIds, intervalMonths: input.intervalMonths };
  try {
    return (
      await createOnce<JointMeetingBodyDoc>(
        ctx.models.JointMeetingBody,
        { ...doc, createdBy: actor(ctx) },
        { idempotencyKey: input.idempotencyKey, caller: actor(ctx), input: doc },
      )
    ).doc;
  } catch (error) {
    if (isDuplicateKey(error)) throw conflict(`a joint meeting named ${name} exists`, { field: 'name' });
    throw error;
  }
}

/** Writes the meeting once (per idempotency key) and its tasks (ids from the meeting, so a retry adds none twice). */
async function recordMeeting(ctx: Context, meeting: Omit<MeetingDoc, '_id'>, tasks: PlannedTask[], idempotencyKey: string | null | undefined, escalationId?: string) {
  const input = { ...meeting, heldAt: meeting.heldAt.toISOString(), tasks: tasks.map((t) => [t.unit._id, t.description, t.dueAt.toISOString()]) };
  const { doc, created } = await createOnce<MeetingDoc>(ctx.models.Meeting, meeting as unknown as Record<string, unknown>, { idempotencyKey, caller: actor(ctx), input });
  const rows: MeetingTaskDoc[] = tasks.map((t, i) => ({
    _id: stableId('meeting-task', doc._id, i),
    meetingId: doc._id,
    meetingKind: doc.kind,
    level: doc.level,
    escalationId: escalationId ?? null,
    communityIds: doc.communityIds,
    unitId: t.unit._id,
    unitName: t.unit.name,
    department: t.unit.department,
    description: t.description,
    assignedAt: doc.heldAt,
    dueAt: t.dueAt,
    year: doc.year,
    status: 'PENDING',
    done: 0,
    onTime: 0,
  }));
  await ctx.models.MeetingTask.insertMany(rows, { ordered: false }).catch((error: unknown) => {
    if (!isDuplicateKey(error)) throw error;
  });
  return { doc, created };
}

export async function holdJointMeeting(ctx: Context, input: HoldJointMeetingInput): Promise<MeetingDoc> {
  const bodyId = assertId(input.bodyId, 'bodyId');
  const body = (await ctx.models.JointMeetingBody.findById(bodyId).lean()) as JointMeetingBodyDoc | null;
  if (!body) throw notFound('JointMeetingBody', bodyId, 'bodyId');
  requireLevelOrAbove(ctx.identity, body.level, await placeOfBody(ctx, body), 'hold a meeting of this body');
  const title = requireNonBlank(input.title, 'title', 200);
  const heldAt = heldAtOf(input.heldAt);
  const present = await unitsOf(ctx, input.presentUnitIds, 'presentUnitIds');
  const stranger = present.find((u) => !body.memberUnitIds.includes(u._id));
  if (stranger) throw badInput(`${stranger.name} is not a member unit of this body`, { field: 'presentUnitIds' });
  const agenda = await agendaOf(ctx, input.agenda);
  const decisions = decisionsOf(input.decisions);
  const tasks = await tasksOf(ctx, input.tasks, heldAt, 0, body.memberUnitIds);
  const meeting: Omit<MeetingDoc, '_id'> = {
    kind: 'JOINT',
    level: body.level,
    bodyId,
    escalationId: null,
    organizationId: body.organizationId ?? null,
    communityIds: body.communityIds,
    title,
    heldAt,
    year: chinaYear(heldAt),
    convenerName: body.convenerName,
    convenedBy: actor(ctx),
    attendance: body.memberUnitIds.map((unitId) => ({ unitId, present: present.some((u) => u._id === unitId) })),
    agenda,
    decisions,
  };
  return (await recordMeeting(ctx, meeting, tasks, input.idempotencyKey)).doc;
}

export async function conveneOnSiteMeeting(ctx: Context, input: ConveneOnSiteMeetingInput): Promise<MeetingDoc> {
  const escalationId = assertId(input.escalationId, 'escalationId');
  const escalation = (await ctx.models.Escalation.findById(escalationId).lean()) as EscalationDoc | null;
  if (!escalation) throw notFound('Escalation', escalationId, 'escalationId');
  if (escalation.status !== 'OPEN') throw badInput('the escalation is resolved already', { field: 'escalationId', reason: 'ILLEGAL_TRANSITION' });
  requireLevelOrAbove(ctx.identity, escalation.level, escalation, `convene an on-site meeting at ${escalation.level}`);
  const title = requireNonBlank(input.title, 'title', 200);
  const convenerName = requireNonBlank(input.convenerName, 'convenerName', 50);
  const heldAt = heldAtOf(input.heldAt, new Date(escalation.escalatedAt));
  const present = await unitsOf(ctx, input.presentUnitIds, 'presentUnitIds', 1);
  const decisions = decisionsOf(input.decisions);
  const tasks = await tasksOf(ctx, input.tasks, heldAt, 1);
  const meeting: Omit<MeetingDoc, '_id'> = {
    kind: 'ON_SITE',
    level: escalation.level,
    bodyId: null,
    escalationId,
    organizationId: escalation.level === 'WORKING_COMMITTEE' ? escalation.workingCommitteeId : null,
    communityIds: [escalation.communityId],
    title,
    heldAt,
    year: chinaYear(heldAt),
    convenerName,
    convenedBy: actor(ctx),
    attendance: present.map((u) => ({ unitId: u._id, present: true })),
    agenda: [
      { source: 'ESCALATION', title: escalation.reason, escalationId },
      ...(escalation.caseId ? [{ source: 'JOINT_CASE' as const, title: '案件', caseId: escalation.caseId }] : []),
    ],
    decisions,
  };
  const { doc, created } = await recordMeeting(ctx, meeting, tasks, input.idempotencyKey, escalationId);
  if (created && escalation.caseId) {
    const units = tasks.map((t) => `${t.unit.name}（${t.dueAt.toISOString().slice(0, 10)}前）`).join('、');
    await appendCaseEvent(ctx, escalation.caseId, 'ON_SITE_MEETING', `${title}: 交办${units}`);
  }
  return doc;
}

async function requireTask(ctx: Context, id: string, what: string): Promise<MeetingTaskDoc> {
  const taskId = assertId(id, 'id');
  const task = (await ctx.models.MeetingTask.findById(taskId).lean()) as MeetingTaskDoc | null;
  if (!task) throw notFound('MeetingTask', taskId);
  requireUnit(ctx.identity, task.department, what);
  return task;
}

const illegal = (task: MeetingTaskDoc, step: string) => badInput(`a ${task.status} task cannot be ${step}`, { field: 'id', reason: 'ILLEGAL_TRANSITION', status: task.status });

export async function acceptMeetingTask(ctx: Context, id: string): Promise<MeetingTaskDoc> {
  const task = await requireTask(ctx, id, 'accept this task');
  if (task.status !== 'PENDING') throw illegal(task, 'accepted');
  const updated = await updateIf<MeetingTaskDoc>(ctx.models.MeetingTask, task._id, { status: 'PENDING' }, { $set: { status: 'ACCEPTED', acceptedAt: new Date() } });
  if (!updated) throw conflict('the task changed meanwhile; reload', { field: 'id' });
  return updated;
}

export async function completeMeetingTask(ctx: Context, id: string, noteText: string | null | undefined): Promise<MeetingTaskDoc> {
  const task = await requireTask(ctx, id, 'complete this task');
  const note = optionalText(noteText, 'note', 500);
  if (task.status !== 'ACCEPTED') throw illegal(task, 'completed');
  const now = new Date();
  const onTime = now.getTime() <= new Date(task.dueAt).getTime() ? 1 : 0;
  const updated = await updateIf<MeetingTaskDoc>(
    ctx.models.MeetingTask,
    task._id,
    { status: 'ACCEPTED' },
    { $set: { status: 'DONE', doneAt: now, done: 1, onTime, note: note ?? null } },
  );
  if (!updated) throw conflict('the task changed meanwhile; reload', { field: 'id' });
  if (updated.escalationId) await resolveIfDone(ctx, updated.escalationId, now);
  return updated;
}
