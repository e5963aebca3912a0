import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

export const CATEGORIES = ['RESIDENT', 'IN_SERVICE', 'RETIRED', 'RELOCATED'] as const;

const partyMemberSchema = entitySchema('party_members', {
  residentId: { type: String, required: true }, // civil affairs' Resident
  category: { type: String, required: true, enum: CATEGORIES },
  organizationId: { type: String, required: true },
  joinedOn: { type: String, required: true },
  createdBy: { type: String },
});
partyMemberSchema.index({ residentId: 1 }, { unique: true });
partyMemberSchema.index({ organizationId: 1, joinedOn: 1 });
partyMemberSchema.index({ category: 1, joinedOn: 1 });
partyMemberSchema.index({ joinedOn: 1 });

export type PartyMemberDoc = InferSchemaType<typeof partyMemberSchema> & { _id: string };
export const partyMemberModel = (connection: Connection) => connection.model('PartyMember', partyMemberSchema);
