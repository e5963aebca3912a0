import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

export const MAX_NOMINATIONS_PER_QUARTER = 3;

/** 党员奉献奖 nomination: a branch names 1–3 members a quarter; `slot` 1..3 with a unique index enforces the cap. */
const awardNominationSchema = entitySchema('award_nominations', {
  branchId: { type: String, required: true },
  quarter: { type: String, required: true }, // YYYY-Qn
  slot: { type: Number, required: true, min: 1, max: MAX_NOMINATIONS_PER_QUARTER },
  memberId: { type: String, required: true },
  reason: { type: String, required: true },
  nominatedOn: { type: String, required: true },
  createdBy: { type: String },
});
awardNominationSchema.index({ branchId: 1, quarter: 1, slot: 1 }, { unique: true });
awardNominationSchema.index({ branchId: 1, quarter: 1, memberId: 1 }, { unique: true });
awardNominationSchema.index({ quarter: 1, branchId: 1 });
awardNominationSchema.index({ memberId: 1, quarter: 1 });

export type AwardNominationDoc = InferSchemaType<typeof awardNominationSchema> & { _id: string };
export const awardNominationModel = (connection: Connection) => connection.model('AwardNomination', awardNominationSchema);
