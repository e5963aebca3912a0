import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

const WISH_STATUSES = ['PUBLISHED', 'CLAIMED', 'DONE', 'APPROVED'] as const;
export const WISH_RATINGS = ['GOOD', 'POOR'] as const;

/** 微心愿: published by the community, claimed by a member (领单), done by a due date, approved (审定). */
const microWishSchema = entitySchema('micro_wishes', {
  title: { type: String, required: true },
  description: { type: String },
  organizationId: { type: String, required: true }, // the organisation that published and approves it
  residentId: { type: String }, // civil affairs' Resident whose wish it is
  status: { type: String, required: true, enum: WISH_STATUSES },
  publishedOn: { type: String, required: true },
  dueOn: { type: String, required: true },
  claimedById: { type: String },
  claimedOn: { type: String },
  doneOn: { type: String },
  doneNote: { type: String },
  approvedOn: { type: String },
  rating: { type: String, enum: WISH_RATINGS },
  createdBy: { type: String },
  updatedBy: { type: String },
});
microWishSchema.index({ status: 1, dueOn: 1 });
microWishSchema.index({ organizationId: 1, dueOn: 1 });
microWishSchema.index({ claimedById: 1, dueOn: 1 });
microWishSchema.index({ dueOn: 1 });
microWishSchema.index({ publishedOn: 1 });

export type MicroWishDoc = InferSchemaType<typeof microWishSchema> & { _id: string };
export const microWishModel = (connection: Connection) => connection.model('MicroWish', microWishSchema);
