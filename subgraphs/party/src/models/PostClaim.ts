import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

/** A member's claim of a service post for a year (the "1 post" of the yearly quota). */
const postClaimSchema = entitySchema('post_claims', {
  postId: { type: String, required: true },
  memberId: { type: String, required: true },
  claimedOn: { type: String, required: true },
  year: { type: Number, required: true },
  // The post's task (岗位任务): due by `dueOn`, done on `doneOn`; points follow the work, not the claim.
  dueOn: { type: String },
  status: { type: String, enum: ['CLAIMED', 'DONE'], default: 'CLAIMED' },
  doneOn: { type: String },
  doneNote: { type: String },
  createdBy: { type: String },
});
postClaimSchema.index({ postId: 1, memberId: 1, year: 1 }, { unique: true });
postClaimSchema.index({ memberId: 1, year: 1 });
postClaimSchema.index({ year: 1, memberId: 1 });
postClaimSchema.index({ status: 1, dueOn: 1 });

export type PostClaimDoc = InferSchemaType<typeof postClaimSchema> & { _id: string };
export const postClaimModel = (connection: Connection) => connection.model('PostClaim', postClaimSchema);
