import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';
import { EMPLOYMENT_STATUSES } from './enums';

const employmentRecordSchema = entitySchema('employment_records', {
  residentId: { type: String, required: true }, // civil affairs' Resident
  // Where the resident lived when recorded (civil affairs' answer): statistics count a scope by equality on these.
  gridId: { type: String },
  communityId: { type: String },
  status: { type: String, required: true, enum: EMPLOYMENT_STATUSES },
  employerId: { type: String },
  since: { type: String, required: true },
  applicationId: { type: String }, // the placement that led here
  note: { type: String },
  recordedBy: { type: String },
  recordedAt: { type: Date },
});
employmentRecordSchema.index({ residentId: 1, since: -1 });
employmentRecordSchema.index({ communityId: 1 });
employmentRecordSchema.index({ gridId: 1 });

export type EmploymentRecordDoc = InferSchemaType<typeof employmentRecordSchema> & { _id: string };
export const employmentRecordModel = (connection: Connection) => connection.model('EmploymentRecord', employmentRecordSchema);
