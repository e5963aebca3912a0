import { actor, assertId, badInput, conflict, newId, notFound, requireEnum, requireNonBlank, todayInChina, trusted, updateIf } from '@cg/kit';
import type { Context } from '../context';
import type { UrgeInput } from '../generated/resolvers-types';
import { requireLevelOrAbove, requireUnit, workingCommitteeAbove, workingCommitteeOfGrid, type Place } from '../escalation/authority';
import { ON_THE_CLOCK } from '../jointCase/lifecycle';
import { leadTask } from '../jointCase/tasks';
import type { GovernanceLevel } from '../models/Escalation';
import type { CaseTask, JointCaseDoc } from '../models/JointCase';
import type { MeetingDoc } from '../models/Meeting';
import type { MeetingTaskDoc } from '../models/MeetingTask';
import { URGE_TARGETS, type UrgeDoc } from '../models/Urge';

interface Target {
  targetId: string;
  unitId: string;
  department: string;
  communityId: string;
  gridId?: string;
  dueAt: Date;
  level: GovernanceLevel;
  place: Place;
}

const notOverdue = () => badInput('only an overdue case or task is urged', { field: 'targetId', reason: 'NOT_OVERDUE' });
const OPEN_CASE_TASK: ReadonlyArray<CaseTask['status']> = ['PENDING', 'ACCEPTED'];

async function caseTarget(ctx: Context, targetId: string, kind: 'JOINT_CASE' | 'CASE_TASK', unitId: string | undefined): Promise<Target> {
  const c = (await ctx.models.JointCase.findById(targetId).lean()) as JointCaseDoc | null;
  if (!c) throw notFound('JointCase', targetId, 'targetId');
  const task = kind === 'JOINT_CASE' ? leadTask(c) : c.tasks.find((t) => t.unitId === unitId && OPEN_CASE_TASK.includes(t.status));
  if (!task)
    throw badInput(kind === 'JOINT_CASE' ? 'the case has no lead unit to urge' : `unit ${unitId} has no open task on this case`, {
      field: kind === 'JOINT_CASE' ? 'targetId' : 'unitId',
      reason: 'NO_TASK',
    });
  if (!ON_THE_CLOCK.includes(c.status) || new Date(c.dueAt).getTime() >= Date.now()) throw notOverdue();
  const place = { communityId: c.communityId, workingCommitteeId: await workingCommitteeOfGrid(ctx.models, c.gridId) };
  return { targetId, unitId: task.unitId, department: task.department, communityId: c.communityId, gridId: c.gridId, dueAt: c.dueAt, level: 'COMMUNITY', place };
}

async function meetingTaskTarget(ctx: Context, targetId: string): Promise<Target> {
  const task = (await ctx.models.MeetingTask.findById(targetId).lean()) as MeetingTaskDoc | null;
  if (!task) throw notFound('MeetingTask', targetId, 'targetId');
  if (task.status === 'DONE' || new Date(task.dueAt).getTime() >= Date.now()) throw notOverdue();
  const meeting = (await ctx.models.Meeting.findById(task.meetingId).lean()) as MeetingDoc | null;
  const place = { communityId: task.communityIds[0], workingCommitteeId: await workingCommitteeAbove(ctx.models, meeting?.organizationId) };
  return { targetId, unitId: task.unitId, department: task.department, communityId: task.communityIds[0]!, dueAt: task.dueAt, level: task.level, place };
}

/** 督办: a secretary of the level that owns the case or task (or above) urges the unit. */
export async function urge(ctx: Context, input: UrgeInput): Promise<UrgeDoc> {
  const targetKind = requireEnum(input.targetKind, URGE_TARGETS, 'targetKind');
  const targetId = assertId(input.targetId, 'targetId');
  const note = requireNonBlank(input.note, 'note', 500);
  if (targetKind === 'CASE_TASK' && input.unitId == null) throw badInput('name the unit whose task is urged', { field: 'unitId' });
  const unitId = input.unitId == null ? undefined : assertId(input.unitId, 'unitId');
  const target = targetKind === 'MEETING_TASK' ? await meetingTaskTarget(ctx, targetId) : await caseTarget(ctx, targetId, targetKind, unitId);
  requireLevelOrAbove(ctx.identity, target.level, target.place, 'urge on this');
  const now = new Date();
  const doc: UrgeDoc = {
    _id: newId(),
    targetKind,
    targetId,
    unitId: target.unitId,
    department: target.department,
    communityId: target.communityId,
    gridId: target.gridId ?? null,
    urgedAt: now,
    day: todayInChina(now),
    urgedBy: actor(ctx),
    urgedByRole: ctx.identity?.role ?? null,
    note,
    dueAt: target.dueAt,
  };
  await ctx.models.Urge.create(doc);
  return doc;
}

/** The urged unit answers once (回复督办). */
export async function answerUrge(ctx: Context, id: string, answerText: string): Promise<UrgeDoc> {
  const urgeId = assertId(id, 'id');
  const answer = requireNonBlank(answerText, 'answer', 500);
  const current = (await ctx.models.Urge.findById(urgeId).lean()) as UrgeDoc | null;
  if (!current) throw notFound('Urge', urgeId);
  requireUnit(ctx.identity, current.department, 'answer this urge');
  if (current.answeredAt) throw conflict('the urge is answered already', { field: 'id' });
  const updated = await updateIf<UrgeDoc>(
    ctx.models.Urge,
    urgeId,
    { answeredAt: trusted({ $exists: false }) },
    { $set: { answer, answeredAt: new Date(), answeredBy: actor(ctx) } },
  );
  if (!updated) throw conflict('the urge is answered already', { field: 'id' });
  return updated;
}
