import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

const communitySchema = entitySchema('communities', {
  name: { type: String, required: true },
  district: { type: String, required: true },
  settlementType: { type: String, required: true, enum: ['RELOCATION', 'RETURNING', 'PRICE_CAPPED', 'ORDINARY'] as const },
  householdCount: { type: Number, required: true, min: 0 },
  population: { type: Number, required: true, min: 0 },
  // Archiving (归档) instead of deleting: the community stays readable and takes no new grids, households or estates.
  archivedAt: { type: String },
  archivedBy: { type: String },
  archiveReason: { type: String },
});
communitySchema.index({ name: 1 });

export type CommunityDoc = InferSchemaType<typeof communitySchema> & { _id: string };
export const communityModel = (connection: Connection) => connection.model('Community', communitySchema);
