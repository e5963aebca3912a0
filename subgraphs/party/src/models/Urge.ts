import type { Connection } from 'mongoose';
import { entitySchema } from '@cg/kit';

export const URGE_TARGETS = ['JOINT_CASE', 'CASE_TASK', 'MEETING_TASK'] as const;
type UrgeTarget = (typeof URGE_TARGETS)[number];

/** A supervision record (督单): who urged which overdue case or task, when, and the unit's answer. */
const urgeSchema = entitySchema('urges', {
  targetKind: { type: String, required: true, enum: URGE_TARGETS },
  /** The JointCase id (JOINT_CASE, CASE_TASK) or the MeetingTask id. */
  targetId: { type: String, required: true },
  unitId: { type: String, required: true }, // the ResponseUnit urged
  department: { type: String, required: true },
  communityId: { type: String, required: true },
  gridId: String, // the case's grid; none for a meeting task
  urgedAt: { type: Date, required: true },
  /** The China calendar day of urgedAt, for the daily digest. */
  day: { type: String, required: true },
  urgedBy: String,
  urgedByRole: String,
  note: { type: String, required: true },
  dueAt: { type: Date, required: true },
  answer: String,
  answeredAt: Date,
  answeredBy: String,
});
urgeSchema.index({ targetId: 1, urgedAt: -1 });
urgeSchema.index({ unitId: 1, day: 1 });
urgeSchema.index({ communityId: 1, urgedAt: -1 });
urgeSchema.index({ urgedAt: -1 });
urgeSchema.index({ gridId: 1, urgedAt: -1 });

export interface UrgeDoc {
  _id: string;
  targetKind: UrgeTarget;
  targetId: string;
  unitId: string;
  department: string;
  communityId: string;
  gridId?: string | null;
  urgedAt: Date;
  day: string;
  urgedBy?: string | null;
  urgedByRole?: string | null;
  note: string;
  dueAt: Date;
  answer?: string | null;
  answeredAt?: Date | null;
  answeredBy?: string | null;
}
export const urgeModel = (connection: Connection) => connection.model('Urge', urgeSchema);
