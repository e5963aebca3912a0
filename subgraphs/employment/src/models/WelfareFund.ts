import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

/**
 * One document per fund carries the balance and totals, so a payment is a single conditional update
 * (`balanceFen >= amount`). `pendingEntryIds` holds entries applied here but not yet marked APPLIED (see fund.ts).
 */
const welfareFundSchema = entitySchema('welfare_funds', {
  name: { type: String, required: true },
  communityId: { type: String, required: true }, // civil affairs' Community
  balanceFen: { type: Number, required: true },
  incomeTotalFen: { type: Number, required: true },
  paymentTotalFen: { type: Number, required: true },
  pendingEntryIds: { type: [String], default: [] },
});
welfareFundSchema.index({ name: 1 });

export type WelfareFundDoc = InferSchemaType<typeof welfareFundSchema> & { _id: string };
export const welfareFundModel = (connection: Connection) => connection.model('WelfareFund', welfareFundSchema);
