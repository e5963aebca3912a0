/**
 * 议事会: a session held on open topics of one community, with its participants (residents checked with civil
 * affairs, members and response units here). The community's topics are taken under one lease, so two sessions
 * never put the same topic on their agenda; a retry with the same key returns the first session.
 */
import { actor, assertId, badInput, conflict, idempotentId, notFound, optionalId, requireEnum, requireNonBlank, requirePastDate, trusted, withLock } from '@cg/kit';
import type { Context } from '../context';
import type { HoldDeliberationSessionInput } from '../generated/resolvers-types';
import { insertOnce } from '../commands/common';
import { DELIBERATION_FORMATS, PARTICIPANT_KINDS, type DeliberationSessionDoc, type DeliberationTopicDoc } from '../models/Deliberation';
import { communityOfGrid } from './topics';

const MAX_TOPICS = 20;
const MAX_PARTICIPANTS = 200;

function requireParticipants(input: HoldDeliberationSessionInput['participants']) {
  if (input.length < 1 || input.length > MAX_PARTICIPANTS) throw badInput(`participants must list 1 to ${MAX_PARTICIPANTS}`, { field: 'participants' });
  const participants = input.map((p) => ({ kind: requireEnum(p.kind, PARTICIPANT_KINDS, 'participants'), refId: assertId(p.id, 'participants') }));
  if (new Set(participants.map((p) => `${p.kind}:${p.refId}`)).size !== participants.length) throw badInput('a participant is listed twice', { field: 'participants' });
  return participants;
}

/** Every participant exists at its owner: residents in civil affairs, members and units here. */
async function checkParticipants(ctx: Context, participants: Array<{ kind: string; refId: string }>) {
  const ids = (kind: string) => participants.filter((p) => p.kind === kind).map((p) => p.refId);
  const local = async (found: Array<{ _id: string }>, what: string, wanted: string[]) => {
    const have = new Set(found.map((d) => d._id));
    const missing = wanted.find((id) => !have.has(id));
    if (missing) throw notFound(what, missing, 'participants');
  };
  const members = ids('PARTY_MEMBER');
  const units = ids('UNIT');
  if (members.length) await local(await ctx.models.PartyMember.find({ _id: trusted({ $in: members }) }, { _id: 1 }).lean<Array<{ _id: string }>>(), 'PartyMember', members);
  if (units.length) await local(await ctx.models.ResponseUnit.find({ _id: trusted({ $in: units }) }, { _id: 1 }).lean<Array<{ _id: string }>>(), 'ResponseUnit', units);
  const residents = ids('RESIDENT');
  if (residents.length) await ctx.peers.requireEntities('civil-affairs', 'Resident', residents, 'participants');
}

export async function holdDeliberationSession(ctx: Context, input: HoldDeliberationSessionInput): Promise<DeliberationSessionDoc> {
  const communityId = assertId(input.communityId, 'communityId');
  const gridId = optionalId(input.gridId, 'gridId') ?? null;
  const format = requireEnum(input.format, DELIBERATION_FORMATS, 'format');
  const place = requireNonBlank(input.place, 'place', 200);
  const heldOn = requirePastDate(input.heldOn, 'heldOn');
  const topicIds = input.topicIds.map((id) => assertId(id, 'topicIds'));
  if (topicIds.length < 1 || topicIds.length > MAX_TOPICS) throw badInput(`topicIds must list 1 to ${MAX_TOPICS} topics`, { field: 'topicIds' });
  if (new Set(topicIds).size !== topicIds.length) throw badInput('a topic is listed twice', { field: 'topicIds' });
  const participants = requireParticipants(input.participants);
  ctx.requireInScope('DeliberationSession', { communityId }, 'communityId');
  if (gridId && (await communityOfGrid(ctx, gridId, 'gridId')) !== communityId) throw badInput('the grid is not in this community', { field: 'gridId' });
  await checkParticipants(ctx, participants);
  const doc = { communityId, gridId, format, place, heldOn, year: Number(heldOn.slice(0, 4)), topicIds, participants };
  const model = ctx.models.DeliberationSession;

  return withLock(model.db, `deliberation-agenda:${communityId}`, async () => {
    const retried = input.idempotencyKey != null && (await model.exists({ _id: idempotentId(model, input.idempotencyKey, actor(ctx)) }));
    if (!retried) {
      const topics = await ctx.models.DeliberationTopic.find({ _id: trusted({ $in: topicIds }) }).lean<DeliberationTopicDoc[]>();
      for (const id of topicIds) {
        const topic = topics.find((t) => t._id === id);
        if (!topic) throw notFound('DeliberationTopic', id, 'topicIds');
        if (topic.communityId !== communityId) throw badInput('a topic belongs to another community', { field: 'topicIds' });
        if (topic.status !== 'OPEN') throw conflict('a topic was on a session already', { field: 'topicIds', id });
        if (topic.raisedOn > heldOn) throw badInput('a topic was raised after the session', { field: 'topicIds', id });
      }
    }
    const session = await insertOnce<DeliberationSessionDoc>(ctx, model, doc, input.idempotencyKey);
    // Under the lease: only this session's topics still OPEN change, so a retry re-applies nothing else.
    await ctx.models.DeliberationTopic.updateMany(
      { _id: trusted({ $in: session.topicIds }), status: 'OPEN' },
      { $set: { status: 'DISCUSSED', sessionId: session._id, sessionYear: session.year, sessionMonth: session.heldOn.slice(0, 7), updatedBy: actor(ctx) } },
    );
    return session;
  });
}
