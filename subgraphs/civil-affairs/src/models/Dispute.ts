import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';
import { DISPUTE_CATEGORIES, DISPUTE_STATUSES } from '../lifecycles';
import { statusChangeSchema } from './ProxyService';

const disputeSchema = entitySchema('disputes', {
  gridId: { type: String, required: true },
  category: { type: String, required: true, enum: DISPUTE_CATEGORIES },
  status: { type: String, required: true, enum: DISPUTE_STATUSES },
  parties: { type: [{ _id: false, residentId: String, name: { type: String, required: true } }], default: [] },
  // Resident parties' ids, flat, so "disputes of a resident" is one indexed query.
  residentIds: { type: [String], default: [] },
  description: { type: String, required: true },
  reportedOn: { type: String, required: true },
  mediatorName: { type: String },
  mediatedOn: { type: String },
  resolvedOn: { type: String },
  outcome: { type: String },
  history: { type: [statusChangeSchema], default: [] },
});
disputeSchema.index({ gridId: 1, reportedOn: -1 });
disputeSchema.index({ status: 1, reportedOn: -1 });
disputeSchema.index({ category: 1, reportedOn: -1 });
disputeSchema.index({ residentIds: 1 });
disputeSchema.index({ reportedOn: -1 });

export type DisputeDoc = InferSchemaType<typeof disputeSchema> & { _id: string };
export const disputeModel = (connection: Connection) => connection.model('Dispute', disputeSchema);
