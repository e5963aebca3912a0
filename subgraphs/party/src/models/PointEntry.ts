import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

/** Where points come from; RULE_BONUS / RULE_PENALTY are written by the monthly evaluation only. */
const POINT_SOURCES = ['MICRO_WISH', 'SERVICE_POST', 'SERVICE_ACTIVITY', 'JOINT_CASE', 'MANUAL', 'RULE_BONUS', 'RULE_PENALTY', 'VOLUNTEER'] as const;
export type PointSource = (typeof POINT_SOURCES)[number];

/** 党员奉献积分 ledger: one entry per (member, source); the id derives from both, so a credit happens once. */
const pointEntrySchema = entitySchema('point_entries', {
  memberId: { type: String, required: true },
  month: { type: String, required: true }, // YYYY-MM the points count for
  points: { type: Number, required: true },
  reason: { type: String, required: true },
  sourceType: { type: String, required: true, enum: POINT_SOURCES },
  sourceId: { type: String, required: true },
  createdAt: { type: Date, default: () => new Date() },
  createdBy: { type: String },
});
pointEntrySchema.index({ memberId: 1, month: 1 });
pointEntrySchema.index({ month: 1, sourceType: 1 });
pointEntrySchema.index({ sourceType: 1, sourceId: 1 });

export type PointEntryDoc = InferSchemaType<typeof pointEntrySchema> & { _id: string };
export const pointEntryModel = (connection: Connection) => connection.model('PointEntry', pointEntrySchema);
