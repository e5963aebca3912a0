import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';
import { FUND_ENTRY_KINDS, FUND_ENTRY_STATES, FUND_INCOME_SOURCES } from './enums';

const welfareFundEntrySchema = entitySchema('welfare_fund_entries', {
  fundId: { type: String, required: true },
  kind: { type: String, required: true, enum: FUND_ENTRY_KINDS },
  state: { type: String, required: true, enum: FUND_ENTRY_STATES },
  amountFen: { type: Number, required: true, min: 1 },
  source: { type: String, enum: FUND_INCOME_SOURCES },
  postId: { type: String },
  payeeResidentId: { type: String },
  period: { type: String },
  occurredOn: { type: String, required: true },
  balanceAfterFen: { type: Number },
  note: { type: String },
  recordedBy: { type: String },
  // One payment per post and month; an income entry uses its own id. Unique, so a double payment races to one.
  dedupeKey: { type: String, required: true },
});
welfareFundEntrySchema.index({ dedupeKey: 1 }, { unique: true });
welfareFundEntrySchema.index({ fundId: 1, occurredOn: -1 });
welfareFundEntrySchema.index({ fundId: 1, kind: 1, occurredOn: -1 });
welfareFundEntrySchema.index({ postId: 1, occurredOn: -1 });

export type WelfareFundEntryDoc = InferSchemaType<typeof welfareFundEntrySchema> & { _id: string };
export const welfareFundEntryModel = (connection: Connection) => connection.model('WelfareFundEntry', welfareFundEntrySchema);
