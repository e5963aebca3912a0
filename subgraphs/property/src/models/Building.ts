import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';
import { ARCHIVE_FIELDS } from './archive';

const buildingSchema = entitySchema('buildings', {
  number: { type: String, required: true },
  floors: { type: Number, required: true, min: 1 },
  estateId: { type: String, required: true },
  gridId: { type: String, required: true }, // civil affairs' Grid
  ...ARCHIVE_FIELDS,
});
buildingSchema.index({ estateId: 1, number: 1 }, { unique: true });
buildingSchema.index({ gridId: 1, number: 1 });
buildingSchema.index({ number: 1 });

export type BuildingDoc = InferSchemaType<typeof buildingSchema> & { _id: string };
export const buildingModel = (connection: Connection) => connection.model('Building', buildingSchema);
