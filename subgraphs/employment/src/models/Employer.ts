import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

export const employerSchema = entitySchema('employers', {
  name: { type: String, required: true },
  kind: { type: String, required: true, enum: ['ENTERPRISE', 'COOPERATIVE', 'ASSISTANCE_WORKSHOP'] },
  address: { type: String, required: true },
  jobsProvided: { type: Number, required: true, min: 0 },
});
employerSchema.index({ name: 1 });

export type EmployerDoc = InferSchemaType<typeof employerSchema> & { _id: string };
export const employerModel = (connection: Connection) => connection.model('Employer', employerSchema);
