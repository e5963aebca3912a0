import { Schema, type Connection, type InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

export const PATROL_ISSUE_CATEGORIES = ['SANITATION', 'FITNESS_EQUIPMENT', 'FIRE_EQUIPMENT', 'PUBLIC_NOTICES', 'LIGHTING', 'PARKING', 'OTHER'] as const;

const issueSchema = new Schema(
  {
    id: { type: String, required: true },
    category: { type: String, required: true, enum: PATROL_ISSUE_CATEGORIES },
    description: { type: String, required: true },
    buildingId: { type: String },
    unitId: { type: String },
    resolved: { type: Boolean, required: true, default: false },
    resolvedAt: { type: String },
    resolutionNote: { type: String },
  },
  { _id: false },
);

/** 小区管家巡查: one record per estate per day (unique), issues embedded. */
const estatePatrolSchema = entitySchema('estate_patrols', {
  date: { type: String, required: true },
  estateId: { type: String, required: true },
  stewardName: { type: String, required: true },
  stewardPhone: { type: String },
  gridId: { type: String }, // civil affairs' Grid
  startTime: { type: String, required: true },
  endTime: { type: String, required: true },
  issues: { type: [issueSchema], default: [] },
  openIssueCount: { type: Number, required: true, default: 0 },
  recordedBy: { type: String },
});
estatePatrolSchema.index({ estateId: 1, date: 1 }, { unique: true });
estatePatrolSchema.index({ date: -1 });
estatePatrolSchema.index({ gridId: 1, date: -1 });
estatePatrolSchema.index({ openIssueCount: 1, date: -1 });

export type EstatePatrolDoc = InferSchemaType<typeof estatePatrolSchema> & { _id: string };
export type PatrolIssueDoc = InferSchemaType<typeof issueSchema>;
export const estatePatrolModel = (connection: Connection) => connection.model('EstatePatrol', estatePatrolSchema);
