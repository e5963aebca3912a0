import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

export const householdSchema = entitySchema('households', {
  fileNumber: { type: String, required: true },
  tenure: { type: String, required: true, enum: ['OWNED', 'RENTED', 'VACANT'] },
  originVillage: { type: String },
  communityId: { type: String, required: true },
  gridId: { type: String, required: true },
  // The property department's Unit id: a reference, never a read of its database.
  unitId: { type: String },
});
householdSchema.index({ fileNumber: 1 }, { unique: true });
householdSchema.index({ gridId: 1 });

export type HouseholdDoc = InferSchemaType<typeof householdSchema> & { _id: string };
export const householdModel = (connection: Connection) => connection.model('Household', householdSchema);
