import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';
import { ASSISTANCE_KINDS, ASSISTANCE_STATUSES } from '../assistance';

/** SENSITIVE (敏感个人信息): assistance status is financial and health-related personal information. */
const assistanceRecordSchema = entitySchema('assistance_records', {
  residentId: { type: String, required: true },
  householdId: { type: String, required: true },
  gridId: { type: String, required: true },
  kind: { type: String, required: true, enum: ASSISTANCE_KINDS },
  status: { type: String, required: true, enum: ASSISTANCE_STATUSES },
  startDate: { type: String, required: true },
  endDate: { type: String },
  monthlyAmount: { type: Number },
  approvedBy: { type: String },
  note: { type: String },
  recordedBy: { type: String },
});
assistanceRecordSchema.index({ residentId: 1, startDate: -1 });
assistanceRecordSchema.index({ gridId: 1, startDate: -1 });
assistanceRecordSchema.index({ kind: 1, status: 1, startDate: -1 });
assistanceRecordSchema.index({ status: 1, startDate: -1 });
assistanceRecordSchema.index({ startDate: -1 });

export type AssistanceRecordDoc = InferSchemaType<typeof assistanceRecordSchema> & { _id: string };
export const assistanceRecordModel = (connection: Connection) => connection.model('AssistanceRecord', assistanceRecordSchema);
