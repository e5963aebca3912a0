import { Schema, type Connection, type InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';
import { ARCHIVE_FIELDS } from './archive';

/** One change of management, appended in the same update that changes `propertyCompanyId` (atomic, no transaction). */
const managementEventSchema = new Schema(
  {
    action: { type: String, required: true, enum: ['CONTRACTED', 'FALLBACK_TAKEOVER', 'ENDED'] },
    propertyCompanyId: { type: String },
    effectiveOn: { type: String, required: true },
    note: { type: String },
    recordedBy: { type: String },
    recordedAt: { type: String, required: true },
  },
  { _id: false },
);

const estateSchema = entitySchema('estates', {
  name: { type: String, required: true },
  address: { type: String, required: true },
  communityId: { type: String, required: true }, // civil affairs' Community
  propertyCompanyId: { type: String },
  managedSince: { type: String },
  // WGS-84 degrees of the estate's centre; employment asks for them to find employers nearby (就近就业).
  latitude: { type: Number, min: -90, max: 90 },
  longitude: { type: Number, min: -180, max: 180 },
  managementHistory: { type: [managementEventSchema], default: [] },
  ...ARCHIVE_FIELDS,
});
estateSchema.index({ name: 1 });
estateSchema.index({ communityId: 1, name: 1 });
estateSchema.index({ propertyCompanyId: 1, name: 1 });

export type EstateDoc = InferSchemaType<typeof estateSchema> & { _id: string };
export type ManagementEvent = InferSchemaType<typeof managementEventSchema>;
export const estateModel = (connection: Connection) => connection.model('Estate', estateSchema);
