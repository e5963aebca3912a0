import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

export const jobPostingSchema = entitySchema('job_postings', {
  employerId: { type: String, required: true },
  title: { type: String, required: true },
  openings: { type: Number, required: true, min: 1 },
  monthlyWage: { type: Number, required: true, min: 0 },
  status: { type: String, required: true, enum: ['OPEN', 'CLOSED'] },
  postedOn: { type: String, required: true },
});
jobPostingSchema.index({ status: 1, postedOn: -1 });
jobPostingSchema.index({ employerId: 1, status: 1 });

export type JobPostingDoc = InferSchemaType<typeof jobPostingSchema> & { _id: string };
export const jobPostingModel = (connection: Connection) => connection.model('JobPosting', jobPostingSchema);
