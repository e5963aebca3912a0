import type { Connection } from 'mongoose';
import { entitySchema } from '@cg/kit';

/** Levels of the three-level link (三级联动): the community asks, the working committee (党工委) and the county (县委) answer. */
export const GOVERNANCE_LEVELS = ['COMMUNITY', 'WORKING_COMMITTEE', 'COUNTY'] as const;
export type GovernanceLevel = (typeof GOVERNANCE_LEVELS)[number];
/** Levels an escalation can stand at. */
export const ESCALATED_LEVELS = ['WORKING_COMMITTEE', 'COUNTY'] as const;
export type EscalatedLevel = (typeof ESCALATED_LEVELS)[number];

/**
 * One escalation (问题上报) of a case or a meeting's problem the community cannot solve. `level` is where it stands now;
 * `resolved`/`onTime`/`reachedCounty` are 0/1 flags the measures sum with `$group`/`$sum`.
 */
const escalationSchema = entitySchema('escalations', {
  source: { type: String, required: true, enum: ['JOINT_CASE', 'MEETING'] },
  caseId: String,
  meetingId: String,
  communityId: { type: String, required: true }, // civil affairs' Community
  gridId: String, // civil affairs' Grid of the case; none for a meeting's problem
  workingCommitteeId: { type: String, required: true }, // the 党工委 above the community
  level: { type: String, required: true, enum: ESCALATED_LEVELS },
  status: { type: String, required: true, enum: ['OPEN', 'RESOLVED'] },
  reason: { type: String, required: true },
  escalatedAt: { type: Date, required: true },
  escalatedBy: String,
  year: { type: Number, required: true },
  quarter: { type: Number, required: true },
  dueAt: { type: Date, required: true },
  steps: { type: [{ _id: false, level: String, at: Date, by: String, reason: String }], default: [] },
  resolvedAt: Date,
  resolved: { type: Number, default: 0 },
  onTime: { type: Number, default: 0 },
  reachedCounty: { type: Number, default: 0 },
});
escalationSchema.index({ communityId: 1, year: 1 });
escalationSchema.index({ level: 1, status: 1 });
escalationSchema.index({ status: 1, escalatedAt: -1 });
escalationSchema.index({ caseId: 1 });
escalationSchema.index({ escalatedAt: -1 });
escalationSchema.index({ gridId: 1, escalatedAt: -1 });

export interface EscalationDoc {
  _id: string;
  source: 'JOINT_CASE' | 'MEETING';
  caseId?: string | null;
  meetingId?: string | null;
  communityId: string;
  gridId?: string | null;
  workingCommitteeId: string;
  level: EscalatedLevel;
  status: 'OPEN' | 'RESOLVED';
  reason: string;
  escalatedAt: Date;
  escalatedBy?: string | null;
  year: number;
  quarter: number;
  dueAt: Date;
  steps: Array<{ level: EscalatedLevel; at: Date; by?: string | null; reason: string }>;
  resolvedAt?: Date | null;
  resolved: number;
  onTime: number;
  reachedCounty: number;
}
export const escalationModel = (connection: Connection) => connection.model('Escalation', escalationSchema);
