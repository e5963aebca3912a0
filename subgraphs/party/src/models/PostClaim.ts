import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

/** A member's claim of a service post for a year (the "1 post" of the yearly quota). */
const postClaimSchema = entitySchema('post_claims', {
  postId: { type: String, required: true },
  memberId: { type: String, required: true },
  claimedOn: { type: String, required: true },
  year: { type: Number, required: true },
  createdBy: { type: String },
});
postClaimSchema.index({ postId: 1, memberId: 1, year: 1 }, { unique: true });
postClaimSchema.index({ memberId: 1, year: 1 });
postClaimSchema.index({ year: 1, memberId: 1 });

export type PostClaimDoc = InferSchemaType<typeof postClaimSchema> & { _id: string };
export const postClaimModel = (connection: Connection) => connection.model('PostClaim', postClaimSchema);
