import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

export const VOLUNTEER_KINDS = ['FREE_HAIRCUT', 'HEALTH_CLINIC', 'POSTER_REMOVAL', 'ENVIRONMENT_CLEANUP', 'ELDER_CARE', 'CIVILITY_PERSUASION', 'LEGAL_ADVICE', 'OTHER'] as const;

/** 志愿服务队: a team of one community, organised by a unit (团县委、县医院 …). */
const volunteerTeamSchema = entitySchema('volunteer_teams', {
  name: { type: String, required: true },
  organizingUnit: { type: String, required: true },
  communityId: { type: String, required: true },
  foundedOn: { type: String, required: true },
  createdBy: { type: String },
});
volunteerTeamSchema.index({ communityId: 1, name: 1 });

/** A resident in a team; `_id` derives from (team, resident), so a resident joins a team once. */
const volunteerMemberSchema = entitySchema('volunteer_members', {
  teamId: { type: String, required: true },
  communityId: { type: String, required: true },
  residentId: { type: String, required: true },
  partyMemberId: { type: String, default: null },
  joinedOn: { type: String, required: true },
  createdBy: { type: String },
});
volunteerMemberSchema.index({ teamId: 1, joinedOn: 1 });
volunteerMemberSchema.index({ residentId: 1 });

/** 志愿服务活动: held by a team on a day; `attendanceCount` says how many attendance rows belong to it. */
const volunteerActivitySchema = entitySchema('volunteer_activities', {
  teamId: { type: String, required: true },
  communityId: { type: String, required: true },
  kind: { type: String, required: true, enum: VOLUNTEER_KINDS },
  title: { type: String, required: true },
  place: { type: String, required: true },
  heldOn: { type: String, required: true },
  year: { type: Number, required: true },
  attendanceCount: { type: Number, required: true },
  totalHours: { type: Number, required: true },
  createdBy: { type: String },
});
volunteerActivitySchema.index({ teamId: 1, year: 1, heldOn: -1 });
volunteerActivitySchema.index({ communityId: 1, year: 1 });

/**
 * 出勤: one member at one activity (`_id` from both). The credit is an outbox flag: PENDING until the points are
 * credited at their owner (party for a party member, this department's civility ledger for a resident); the owner's
 * credit is idempotent on `volunteer-attendance:<id>`, so sending again after a failure counts once.
 */
const volunteerAttendanceSchema = entitySchema('volunteer_attendances', {
  activityId: { type: String, required: true },
  teamId: { type: String, required: true },
  communityId: { type: String, required: true },
  memberId: { type: String, required: true },
  residentId: { type: String, required: true },
  partyMemberId: { type: String, default: null },
  kind: { type: String, required: true, enum: VOLUNTEER_KINDS },
  heldOn: { type: String, required: true },
  year: { type: Number, required: true },
  hours: { type: Number, required: true },
  creditTarget: { type: String, required: true, enum: ['PARTY_POINTS', 'CIVILITY_POINTS'] as const },
  creditStatus: { type: String, required: true, enum: ['PENDING', 'CREDITED'] as const },
  creditAttempts: { type: Number, default: 0 },
  creditError: { type: String, default: null },
  creditedAt: { type: Date, default: null },
  createdAt: { type: Date, default: () => new Date() },
});
volunteerAttendanceSchema.index({ activityId: 1 });
volunteerAttendanceSchema.index({ teamId: 1, year: 1 });
volunteerAttendanceSchema.index({ residentId: 1, year: 1 });
volunteerAttendanceSchema.index({ communityId: 1, year: 1 });
volunteerAttendanceSchema.index({ creditStatus: 1, createdAt: 1 });

export type VolunteerTeamDoc = InferSchemaType<typeof volunteerTeamSchema> & { _id: string };
export type VolunteerMemberDoc = InferSchemaType<typeof volunteerMemberSchema> & { _id: string };
export type VolunteerActivityDoc = InferSchemaType<typeof volunteerActivitySchema> & { _id: string };
export type VolunteerAttendanceDoc = InferSchemaType<typeof volunteerAttendanceSchema> & { _id: string };
export const volunteerModels = (connection: Connection) => ({
  VolunteerTeam: connection.model('VolunteerTeam', volunteerTeamSchema),
  VolunteerMember: connection.model('VolunteerMember', volunteerMemberSchema),
  VolunteerActivity: connection.model('VolunteerActivity', volunteerActivitySchema),
  VolunteerAttendance: connection.model('VolunteerAttendance', volunteerAttendanceSchema),
});
