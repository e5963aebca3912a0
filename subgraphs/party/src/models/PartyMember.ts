import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

export const partyMemberSchema = entitySchema('party_members', {
  residentId: { type: String, required: true }, // civil affairs' Resident
  category: { type: String, required: true, enum: ['RESIDENT', 'IN_SERVICE', 'RETIRED', 'RELOCATED'] },
  organizationId: { type: String, required: true },
  joinedOn: { type: String, required: true },
});
partyMemberSchema.index({ residentId: 1 }, { unique: true });
partyMemberSchema.index({ organizationId: 1 });

export type PartyMemberDoc = InferSchemaType<typeof partyMemberSchema> & { _id: string };
export const partyMemberModel = (connection: Connection) => connection.model('PartyMember', partyMemberSchema);
