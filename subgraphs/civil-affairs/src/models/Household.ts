import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

const TENURES = ['OWNED', 'RENTED', 'VACANT'] as const;

const householdSchema = entitySchema('households', {
  fileNumber: { type: String, required: true },
  tenure: { type: String, required: true, enum: TENURES },
  originVillage: { type: String },
  communityId: { type: String, required: true },
  gridId: { type: String, required: true },
  // Building and entrance grid nodes below gridId, top down (楼栋/单元网格).
  subGridIds: { type: [String], default: undefined },
  // The property department's Unit id: a reference, never a read of its database.
  unitId: { type: String },
});
householdSchema.index({ fileNumber: 1 }, { unique: true });
householdSchema.index({ gridId: 1, fileNumber: 1 });
householdSchema.index({ communityId: 1, fileNumber: 1 });
householdSchema.index({ subGridIds: 1 });
householdSchema.index({ unitId: 1 });

export type HouseholdDoc = InferSchemaType<typeof householdSchema> & { _id: string };
export const householdModel = (connection: Connection) => connection.model('Household', householdSchema);
