import type { Connection } from 'mongoose';
import { entitySchema } from '@cg/kit';
import { GOVERNANCE_LEVELS, type GovernanceLevel } from './Escalation';

/** A standing joint meeting (党建联席会议 / 大党委): who convenes, which units sit on it, how often it meets. */
const jointMeetingBodySchema = entitySchema('joint_meeting_bodies', {
  name: { type: String, required: true },
  level: { type: String, required: true, enum: GOVERNANCE_LEVELS },
  /** The convening organisation: a 党工委 at WORKING_COMMITTEE, a community committee at COMMUNITY; none for the county. */
  organizationId: String,
  convenerName: { type: String, required: true },
  convenerTitle: { type: String, required: true },
  memberUnitIds: { type: [String], default: [] }, // ResponseUnit ids
  communityIds: { type: [String], default: [] }, // civil affairs' Community ids the body covers
  intervalMonths: { type: Number, required: true },
  createdBy: String,
});
jointMeetingBodySchema.index({ name: 1 }, { unique: true });
jointMeetingBodySchema.index({ communityIds: 1 });

export interface JointMeetingBodyDoc {
  _id: string;
  name: string;
  level: GovernanceLevel;
  organizationId?: string | null;
  convenerName: string;
  convenerTitle: string;
  memberUnitIds: string[];
  communityIds: string[];
  intervalMonths: number;
}
export const jointMeetingBodyModel = (connection: Connection) => connection.model('JointMeetingBody', jointMeetingBodySchema);
