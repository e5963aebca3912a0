import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';
import { ARCHIVE_FIELDS } from './archive';

const unitSchema = entitySchema('units', {
  buildingId: { type: String, required: true },
  entrance: { type: String, required: true },
  floor: { type: Number, required: true },
  room: { type: String, required: true },
  ...ARCHIVE_FIELDS,
});
unitSchema.index({ buildingId: 1, entrance: 1, room: 1 }, { unique: true });

export type UnitDoc = InferSchemaType<typeof unitSchema> & { _id: string };
export const unitModel = (connection: Connection) => connection.model('Unit', unitSchema);
