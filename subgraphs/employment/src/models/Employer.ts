import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';
import { EMPLOYER_KINDS } from './enums';

const employerSchema = entitySchema('employers', {
  name: { type: String, required: true },
  kind: { type: String, required: true, enum: EMPLOYER_KINDS },
  address: { type: String, required: true },
  contactPhone: { type: String },
  jobsProvided: { type: Number, required: true, min: 0 },
  // WGS-84 degrees; employers without them are never "nearby".
  latitude: { type: Number, min: -90, max: 90 },
  longitude: { type: Number, min: -180, max: 180 },
});
employerSchema.index({ name: 1 });
employerSchema.index({ kind: 1, name: 1 });
// The bounding box of a nearby search (就近就业): a range on latitude, then longitude, before the exact distance in code.
employerSchema.index({ latitude: 1, longitude: 1 });

export type EmployerDoc = InferSchemaType<typeof employerSchema> & { _id: string };
export const employerModel = (connection: Connection) => connection.model('Employer', employerSchema);
