import type { Connection, InferSchemaType } from 'mongoose';
import { Schema } from 'mongoose';
import { entitySchema } from '@cg/kit';

export const DELIBERATION_FORMATS = ['STOOL_COUNCIL', 'COURTYARD_ROUNDTABLE', 'COMMUNITY_HALL', 'RESIDENTS_LIVING_ROOM'] as const;
export const DELIBERATION_OUTCOMES = ['AGREED', 'NOT_AGREED', 'REFERRED'] as const;
export const PARTICIPANT_KINDS = ['RESIDENT', 'PARTY_MEMBER', 'UNIT'] as const;

const followUpSchema = new Schema(
  {
    kind: { type: String, required: true, enum: ['JOINT_CASE', 'JOINT_MEETING'] as const },
    caseId: { type: String, default: null },
    meetingId: { type: String, default: null },
    note: { type: String, default: null },
    at: { type: Date, required: true },
    by: { type: String, default: null },
  },
  { _id: false },
);

/**
 * 议题: raised in a grid (by a resident or a grid worker), put on one session's agenda, decided there, then followed
 * up. `sessionYear`/`sessionMonth` copy the session's date so a year's outcomes are one equality read per community.
 */
const deliberationTopicSchema = entitySchema('deliberation_topics', {
  communityId: { type: String, required: true },
  gridId: { type: String, required: true },
  title: { type: String, required: true },
  description: { type: String, required: true },
  raisedBy: { type: String, required: true, enum: ['RESIDENT', 'GRID_WORKER'] as const },
  raisedByResidentId: { type: String, default: null },
  raisedOn: { type: String, required: true },
  raisedYear: { type: Number, required: true },
  status: { type: String, required: true, enum: ['OPEN', 'DISCUSSED', 'DECIDED'] as const },
  sessionId: { type: String, default: null },
  sessionYear: { type: Number, default: null },
  sessionMonth: { type: String, default: null },
  outcome: { type: String, default: null, enum: [...DELIBERATION_OUTCOMES, null] },
  outcomeNote: { type: String, default: null },
  followUp: { type: followUpSchema, default: null },
  createdBy: { type: String },
  updatedBy: { type: String },
});
deliberationTopicSchema.index({ communityId: 1, raisedOn: -1 });
deliberationTopicSchema.index({ communityId: 1, raisedYear: 1 });
deliberationTopicSchema.index({ communityId: 1, sessionYear: 1 });
deliberationTopicSchema.index({ sessionId: 1 });

const participantSchema = new Schema({ kind: { type: String, required: true, enum: PARTICIPANT_KINDS }, refId: { type: String, required: true } }, { _id: false });

/** 议事会: one held session, its agenda (≤ 20 topics) and participants (≤ 200). */
const deliberationSessionSchema = entitySchema('deliberation_sessions', {
  communityId: { type: String, required: true },
  gridId: { type: String, default: null },
  format: { type: String, required: true, enum: DELIBERATION_FORMATS },
  place: { type: String, required: true },
  heldOn: { type: String, required: true },
  year: { type: Number, required: true },
  topicIds: { type: [String], default: [] },
  participants: { type: [participantSchema], default: [] },
  createdBy: { type: String },
});
deliberationSessionSchema.index({ communityId: 1, year: 1, heldOn: -1 });

export type DeliberationTopicDoc = InferSchemaType<typeof deliberationTopicSchema> & { _id: string };
export type DeliberationSessionDoc = InferSchemaType<typeof deliberationSessionSchema> & { _id: string };
export type DeliberationParticipantDoc = DeliberationSessionDoc['participants'][number];
export type DeliberationFollowUpDoc = NonNullable<DeliberationTopicDoc['followUp']>;
export const deliberationModels = (connection: Connection) => ({
  DeliberationTopic: connection.model('DeliberationTopic', deliberationTopicSchema),
  DeliberationSession: connection.model('DeliberationSession', deliberationSessionSchema),
});
