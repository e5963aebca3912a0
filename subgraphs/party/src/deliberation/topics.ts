/**
 * 议事协商 topics: raised in a grid, decided at a session (recordDeliberationOutcome), then followed up once — as a
 * joint-response case submitted through the case's own 点单 code, or referred to a joint meeting by reference.
 */
import { actor, assertId, badInput, conflict, notFound, optionalId, requireEnum, requireNonBlank, requirePastDate, updateIf, withLock } from '@cg/kit';
import type { Context } from '../context';
import type { RaiseCaseFromDeliberationInput, RaiseDeliberationTopicInput, RecordDeliberationOutcomeInput, ReferDeliberationToMeetingInput } from '../generated/resolvers-types';
import { insertOnce } from '../commands/common';
import { submitJointCase } from '../jointCase/submit';
import { DELIBERATION_OUTCOMES, type DeliberationTopicDoc } from '../models/Deliberation';

/** The grid's community, asked of civil affairs (the owner of grids). */
export async function communityOfGrid(ctx: Context, gridId: string, field: string): Promise<string> {
  const [grid] = (await ctx.peers.entities('civil-affairs', 'Grid', [gridId], 'id community { id }')) as Array<{ community: { id: string } } | null>;
  if (!grid) throw notFound('Grid', gridId, field);
  return grid.community.id;
}

export async function raiseDeliberationTopic(ctx: Context, input: RaiseDeliberationTopicInput): Promise<DeliberationTopicDoc> {
  const gridId = assertId(input.gridId, 'gridId');
  const title = requireNonBlank(input.title, 'title', 100);
  const description = requireNonBlank(input.description, 'description', 2000);
  const raisedOn = requirePastDate(input.raisedOn, 'raisedOn');
  // A resident raises their own topic; giving another resident's id is refused by the scope check below.
  const residentId = optionalId(input.residentId, 'residentId') ?? (ctx.identity?.role === 'RESIDENT' ? ctx.identity.subject : null);
  if (residentId) await ctx.peers.requireEntities('civil-affairs', 'Resident', [residentId], 'residentId');
  const communityId = await communityOfGrid(ctx, gridId, 'gridId');
  const doc = {
    communityId,
    gridId,
    title,
    description,
    raisedBy: residentId ? 'RESIDENT' : 'GRID_WORKER',
    raisedByResidentId: residentId,
    raisedOn,
    raisedYear: Number(raisedOn.slice(0, 4)),
    status: 'OPEN',
  };
  ctx.requireInScope('DeliberationTopic', doc, 'gridId');
  return insertOnce<DeliberationTopicDoc>(ctx, ctx.models.DeliberationTopic, doc, input.idempotencyKey);
}

async function requireTopic(ctx: Context, id: unknown): Promise<DeliberationTopicDoc> {
  const topicId = assertId(id, 'topicId');
  const topic = await ctx.models.DeliberationTopic.findById(topicId).lean<DeliberationTopicDoc>();
  if (!topic) throw notFound('DeliberationTopic', topicId, 'topicId');
  ctx.requireInScope('DeliberationTopic', topic, 'topicId');
  return topic;
}

export async function recordDeliberationOutcome(ctx: Context, input: RecordDeliberationOutcomeInput): Promise<DeliberationTopicDoc> {
  const outcome = requireEnum(input.outcome, DELIBERATION_OUTCOMES, 'outcome');
  const note = requireNonBlank(input.note, 'note', 2000);
  const topic = await requireTopic(ctx, input.topicId);
  if (topic.status !== 'DISCUSSED') throw conflict(topic.status === 'OPEN' ? 'the topic has not been on a session yet' : 'the topic was decided already', { field: 'topicId' });
  const updated = await updateIf<DeliberationTopicDoc>(
    ctx.models.DeliberationTopic,
    topic._id,
    { status: 'DISCUSSED' },
    { $set: { status: 'DECIDED', outcome, outcomeNote: note, updatedBy: actor(ctx) } },
  );
  if (!updated) throw conflict('the topic was decided already', { field: 'topicId' });
  return updated;
}

/** A decided topic that may still be followed up: agreed or referred, and not followed up before. */
function requireFollowable(topic: DeliberationTopicDoc): void {
  if (topic.status !== 'DECIDED') throw conflict('only a decided topic is followed up', { field: 'topicId' });
  if (topic.outcome === 'NOT_AGREED') throw conflict('a topic not agreed has no follow-up', { field: 'topicId' });
  if (topic.followUp) throw conflict('the topic was followed up already', { field: 'topicId' });
}

/** Both follow-ups of a topic take this lease, so a topic is followed up once, one way. */
const followUpLock = (topicId: string) => `deliberation-follow-up:${topicId}`;

const setFollowUp = async (ctx: Context, topicId: string, followUp: Record<string, unknown>) =>
  (await ctx.models.DeliberationTopic.findOneAndUpdate({ _id: topicId }, { $set: { followUp, updatedBy: actor(ctx) } }, { returnDocument: 'after' }).lean<DeliberationTopicDoc>())!;

/**
 * The follow-up runs under a lease on the topic, so two callers never create two cases for it; the case is submitted
 * with a key derived from the topic, so a retry after a lost answer finds the same case.
 */
export async function raiseCaseFromDeliberation(ctx: Context, input: RaiseCaseFromDeliberationInput): Promise<DeliberationTopicDoc> {
  const first = await requireTopic(ctx, input.topicId);
  return withLock(ctx.models.DeliberationTopic.db, followUpLock(first._id), async () => {
    const topic = (await ctx.models.DeliberationTopic.findById(first._id).lean<DeliberationTopicDoc>())!;
    if (topic.followUp?.kind === 'JOINT_CASE') return topic;
    requireFollowable(topic);
    const reporterId = optionalId(input.reporterId, 'reporterId') ?? topic.raisedByResidentId;
    if (!reporterId) throw badInput('a topic a grid worker raised needs the resident the case is for', { field: 'reporterId' });
    const jointCase = await submitJointCase(ctx, {
      reporterId,
      unitId: input.unitId,
      buildingId: input.buildingId,
      category: input.category,
      urgency: input.urgency,
      description: `【议事协商】${topic.title}：${topic.outcomeNote ?? topic.description}`,
      idempotencyKey: `deliberation-topic:${topic._id}`,
    });
    return setFollowUp(ctx, topic._id, { kind: 'JOINT_CASE', caseId: jointCase._id, at: new Date(), by: actor(ctx) });
  });
}

export async function referDeliberationToMeeting(ctx: Context, input: ReferDeliberationToMeetingInput): Promise<DeliberationTopicDoc> {
  const meetingId = optionalId(input.meetingId, 'meetingId') ?? null;
  const note = requireNonBlank(input.note, 'note', 2000);
  const first = await requireTopic(ctx, input.topicId);
  return withLock(ctx.models.DeliberationTopic.db, followUpLock(first._id), async () => {
    const topic = (await ctx.models.DeliberationTopic.findById(first._id).lean<DeliberationTopicDoc>())!;
    requireFollowable(topic);
    return setFollowUp(ctx, topic._id, { kind: 'JOINT_MEETING', meetingId, note, at: new Date(), by: actor(ctx) });
  });
}
