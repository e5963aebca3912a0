import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

export const employmentRecordSchema = entitySchema('employment_records', {
  residentId: { type: String, required: true }, // civil affairs' Resident
  status: { type: String, required: true, enum: ['EMPLOYED', 'SEEKING', 'UNABLE_TO_WORK', 'STUDENT', 'RETIRED'] },
  employerId: { type: String },
  since: { type: String, required: true },
});
employmentRecordSchema.index({ residentId: 1, since: -1 });

export type EmploymentRecordDoc = InferSchemaType<typeof employmentRecordSchema> & { _id: string };
export const employmentRecordModel = (connection: Connection) => connection.model('EmploymentRecord', employmentRecordSchema);
