import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';
import { EMPLOYER_KINDS } from './enums';

const employerSchema = entitySchema('employers', {
  name: { type: String, required: true },
  kind: { type: String, required: true, enum: EMPLOYER_KINDS },
  address: { type: String, required: true },
  contactPhone: { type: String },
  jobsProvided: { type: Number, required: true, min: 0 },
});
employerSchema.index({ name: 1 });
employerSchema.index({ kind: 1, name: 1 });

export type EmployerDoc = InferSchemaType<typeof employerSchema> & { _id: string };
export const employerModel = (connection: Connection) => connection.model('Employer', employerSchema);
