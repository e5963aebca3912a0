import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';
import { WELFARE_POST_KINDS, WELFARE_POST_STATUSES } from './enums';

const welfarePostSchema = entitySchema('welfare_posts', {
  fundId: { type: String, required: true },
  title: { type: String, required: true },
  kind: { type: String, required: true, enum: WELFARE_POST_KINDS },
  monthlyPayFen: { type: Number, required: true, min: 1 },
  status: { type: String, required: true, enum: WELFARE_POST_STATUSES },
  holderResidentId: { type: String }, // civil affairs' Resident
  holderSince: { type: String },
});
welfarePostSchema.index({ title: 1 });
welfarePostSchema.index({ fundId: 1, title: 1 });
welfarePostSchema.index({ kind: 1, status: 1, title: 1 });
welfarePostSchema.index({ holderResidentId: 1 });

export type WelfarePostDoc = InferSchemaType<typeof welfarePostSchema> & { _id: string };
export const welfarePostModel = (connection: Connection) => connection.model('WelfarePost', welfarePostSchema);
