import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

const CIVILITY_AWARD_KINDS = ['MONTHLY_STAR', 'CIVILIZED_FAMILY'] as const;

/**
 * 文明表彰: `_id` derives from (kind, period, resident or household), so granting the same award twice is a duplicate
 * key, which an insert decides atomically on MongoDB and FerretDB alike.
 */
const civilityAwardSchema = entitySchema('civility_awards', {
  kind: { type: String, required: true, enum: CIVILITY_AWARD_KINDS },
  period: { type: String, required: true },
  residentId: { type: String, required: true },
  householdId: { type: String, required: true },
  gridId: { type: String, required: true },
  communityId: { type: String, required: true },
  points: { type: Number, required: true, min: 1 },
  note: { type: String },
  grantedOn: { type: String, required: true },
  grantedBy: { type: String },
  // The grant's idempotency key, so a retry by the same caller is told apart from a second award.
  idempotencyKey: { type: String },
});
// Statistics read a scope's awards by equality on its community or grid, then the period.
civilityAwardSchema.index({ communityId: 1, period: -1 });
civilityAwardSchema.index({ gridId: 1, period: -1 });

export type CivilityAwardDoc = InferSchemaType<typeof civilityAwardSchema> & { _id: string };
export const civilityAwardModel = (connection: Connection) => connection.model('CivilityAward', civilityAwardSchema);
