import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

/**
 * The balance lives on ONE document per resident: a spend is a single conditional `$inc` on it, so concurrent
 * spends can never take it below zero. `appliedEntryIds` marks which ledger entries the balance already holds,
 * in the same update, so resuming an interrupted earn/spend never counts it twice.
 */
export const pointsAccountSchema = entitySchema('civility_points_accounts', {
  residentId: { type: String, required: true },
  balance: { type: Number, required: true, min: 0 },
  earnedTotal: { type: Number, required: true, default: 0 },
  spentTotal: { type: Number, required: true, default: 0 },
  appliedEntryIds: { type: [String], default: [] },
});
pointsAccountSchema.index({ residentId: 1 }, { unique: true });

/** Append-only ledger (积分明细). PENDING until applied to the balance; REJECTED (short of points) never counts. */
export const pointsEntrySchema = entitySchema('civility_points_entries', {
  residentId: { type: String, required: true },
  kind: { type: String, required: true, enum: ['EARN', 'SPEND'] },
  points: { type: Number, required: true, min: 1 },
  activity: { type: String },
  spentAt: { type: String },
  state: { type: String, required: true, enum: ['PENDING', 'APPLIED', 'REJECTED'] },
  balanceAfter: { type: Number },
  occurredAt: { type: String, required: true },
  recordedBy: { type: String },
});
pointsEntrySchema.index({ residentId: 1, state: 1, occurredAt: -1 });

export type PointsAccountDoc = InferSchemaType<typeof pointsAccountSchema> & { _id: string };
export type PointsEntryDoc = InferSchemaType<typeof pointsEntrySchema> & { _id: string };
export const pointsAccountModel = (connection: Connection) => connection.model('CivilityPointsAccount', pointsAccountSchema);
export const pointsEntryModel = (connection: Connection) => connection.model('CivilityPointsEntry', pointsEntrySchema);
