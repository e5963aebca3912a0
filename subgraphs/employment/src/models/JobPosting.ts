import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';
import { POSTING_STATUSES } from './enums';

const jobPostingSchema = entitySchema('job_postings', {
  employerId: { type: String, required: true },
  title: { type: String, required: true },
  // Positions still to fill: a placement takes one with a conditional $inc, so it never goes below zero.
  openings: { type: Number, required: true, min: 0 },
  monthlyWage: { type: Number, required: true, min: 0 }, // yuan
  status: { type: String, required: true, enum: POSTING_STATUSES },
  postedOn: { type: String, required: true },
  // Applications placed here: makes taking an opening idempotent per application (a retried placement takes none).
  placedApplicationIds: { type: [String], default: undefined },
});
jobPostingSchema.index({ status: 1, postedOn: -1 });
jobPostingSchema.index({ status: 1, monthlyWage: -1 });
jobPostingSchema.index({ employerId: 1, status: 1 });
jobPostingSchema.index({ postedOn: -1 });

export type JobPostingDoc = InferSchemaType<typeof jobPostingSchema> & { _id: string };
export const jobPostingModel = (connection: Connection) => connection.model('JobPosting', jobPostingSchema);
