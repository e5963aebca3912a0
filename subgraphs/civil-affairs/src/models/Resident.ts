import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

const residentSchema = entitySchema('residents', {
  name: { type: String, required: true },
  idNumber: { type: String, required: true },
  phone: { type: String },
  birthDate: { type: String, required: true }, // YYYY-MM-DD, derived from the ID number
  sex: { type: String, required: true, enum: ['MALE', 'FEMALE'] as const },
  // Missing means REGISTERED (户籍); FLOATING is 流动人口.
  residency: { type: String, enum: ['REGISTERED', 'FLOATING'] as const },
  relationToHead: { type: String, required: true },
  householdId: { type: String, required: true },
  // Denormalised from the household so a grid's residents are one indexed query.
  gridId: { type: String, required: true },
});
residentSchema.index({ idNumber: 1 }, { unique: true });
residentSchema.index({ householdId: 1 });
residentSchema.index({ gridId: 1, name: 1 });
residentSchema.index({ gridId: 1, birthDate: 1 });
residentSchema.index({ name: 1 });
residentSchema.index({ birthDate: 1 });
residentSchema.index({ phone: 1, name: 1 });

export type ResidentDoc = InferSchemaType<typeof residentSchema> & { _id: string };
export const residentModel = (connection: Connection) => connection.model('Resident', residentSchema);
