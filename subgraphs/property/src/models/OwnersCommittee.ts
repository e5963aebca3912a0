import { Schema, type Connection, type InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

const memberSchema = new Schema(
  {
    residentId: { type: String, required: true }, // civil affairs' Resident
    role: { type: String, required: true, enum: ['DIRECTOR', 'DEPUTY_DIRECTOR', 'MEMBER'] },
  },
  { _id: false },
);

/** 业委会 of an estate or 楼管委 of one building; members embedded, so a committee is one document. */
const ownersCommitteeSchema = entitySchema('owners_committees', {
  kind: { type: String, required: true, enum: ['OWNERS_COMMITTEE', 'BUILDING_COMMITTEE'] },
  name: { type: String, required: true },
  estateId: { type: String, required: true },
  buildingId: { type: String },
  termStart: { type: String, required: true },
  termEnd: { type: String, required: true },
  members: { type: [memberSchema], default: [] },
  createdBy: { type: String },
});
ownersCommitteeSchema.index({ estateId: 1, termStart: -1 });
ownersCommitteeSchema.index({ termStart: -1 });
ownersCommitteeSchema.index({ kind: 1, termStart: -1 });
ownersCommitteeSchema.index({ name: 1 });

export type OwnersCommitteeDoc = InferSchemaType<typeof ownersCommitteeSchema> & { _id: string };
export const ownersCommitteeModel = (connection: Connection) => connection.model('OwnersCommittee', ownersCommitteeSchema);
