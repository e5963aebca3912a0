import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

export const POST_KINDS = ['POLICY', 'ENVIRONMENT', 'DISABILITY_ASSISTANCE', 'HEALTH', 'LEGAL'] as const;

/** 服务岗位: a post in a grid that members claim (认领岗位). */
const servicePostSchema = entitySchema('service_posts', {
  name: { type: String, required: true },
  kind: { type: String, required: true, enum: POST_KINDS },
  description: { type: String },
  gridId: { type: String, required: true }, // civil affairs' Grid
  organizationId: { type: String, required: true }, // the organisation that set the post up
  createdBy: { type: String },
});
servicePostSchema.index({ gridId: 1, name: 1 });
servicePostSchema.index({ organizationId: 1, name: 1 });
servicePostSchema.index({ kind: 1, name: 1 });
servicePostSchema.index({ name: 1 });

export type ServicePostDoc = InferSchemaType<typeof servicePostSchema> & { _id: string };
export const servicePostModel = (connection: Connection) => connection.model('ServicePost', servicePostSchema);
