import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

/**
 * The balance lives on ONE document per resident (the account). It is a cache of the ledger's last entry: an
 * entry takes the next sequence number under a unique (residentId, seq) index, which lets exactly one of many
 * concurrent writers win each step, and carries the balance and totals after it; the account is then set to them.
 */
const pointsAccountSchema = entitySchema('civility_points_accounts', {
  residentId: { type: String, required: true },
  balance: { type: Number, required: true, min: 0 },
  earnedTotal: { type: Number, required: true, default: 0 },
  spentTotal: { type: Number, required: true, default: 0 },
  // Sequence number of the last ledger entry the balance includes.
  seq: { type: Number, required: true, default: 0 },
});
pointsAccountSchema.index({ residentId: 1 }, { unique: true });

/** Append-only ledger (积分明细); `_id` derives from (resident, idempotencyKey), so a retry finds its entry. */
const pointsEntrySchema = entitySchema('civility_points_entries', {
  residentId: { type: String, required: true },
  // The resident's top-level grid (网格) when the entry was written: statistics sum a scope's entries by equality on it.
  gridId: { type: String },
  seq: { type: Number, required: true, min: 1 },
  kind: { type: String, required: true, enum: ['EARN', 'SPEND'] as const },
  points: { type: Number, required: true, min: 1 },
  activity: { type: String },
  spentAt: { type: String },
  balanceAfter: { type: Number, required: true, min: 0 },
  earnedTotalAfter: { type: Number, required: true },
  spentTotalAfter: { type: Number, required: true },
  occurredAt: { type: String, required: true },
  recordedBy: { type: String },
});
pointsEntrySchema.index({ residentId: 1, seq: 1 }, { unique: true });
pointsEntrySchema.index({ gridId: 1, kind: 1 });

export type PointsAccountDoc = InferSchemaType<typeof pointsAccountSchema> & { _id: string };
export type PointsEntryDoc = InferSchemaType<typeof pointsEntrySchema> & { _id: string };
export const pointsAccountModel = (connection: Connection) => connection.model('CivilityPointsAccount', pointsAccountSchema);
export const pointsEntryModel = (connection: Connection) => connection.model('CivilityPointsEntry', pointsEntrySchema);
