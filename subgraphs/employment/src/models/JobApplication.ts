import { Schema, type Connection, type InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';
import { APPLICATION_STATUSES } from './enums';

const step = new Schema({ status: { type: String, required: true, enum: APPLICATION_STATUSES }, on: { type: String, required: true }, note: String, by: String }, { _id: false });

const jobApplicationSchema = entitySchema('job_applications', {
  postingId: { type: String, required: true },
  employerId: { type: String, required: true },
  residentId: { type: String, required: true }, // civil affairs' Resident
  status: { type: String, required: true, enum: APPLICATION_STATUSES },
  appliedOn: { type: String, required: true },
  // Date of the latest step: the next one may not come before it.
  lastStepOn: { type: String, required: true },
  placedOn: { type: String },
  history: { type: [step], default: [] },
});
jobApplicationSchema.index({ appliedOn: -1 });
jobApplicationSchema.index({ residentId: 1, appliedOn: -1 });
jobApplicationSchema.index({ postingId: 1, status: 1, appliedOn: -1 });
jobApplicationSchema.index({ status: 1, appliedOn: -1 });

export type JobApplicationDoc = InferSchemaType<typeof jobApplicationSchema> & { _id: string };
export const jobApplicationModel = (connection: Connection) => connection.model('JobApplication', jobApplicationSchema);
