import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

export const estateSchema = entitySchema('estates', {
  name: { type: String, required: true },
  address: { type: String, required: true },
  communityId: { type: String, required: true }, // civil affairs' Community
  propertyCompanyId: { type: String },
});
estateSchema.index({ name: 1 });
estateSchema.index({ communityId: 1 });
estateSchema.index({ propertyCompanyId: 1 });

export type EstateDoc = InferSchemaType<typeof estateSchema> & { _id: string };
export const estateModel = (connection: Connection) => connection.model('Estate', estateSchema);
