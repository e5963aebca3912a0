import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

export const LEVELS = ['WORKING_COMMITTEE', 'COMMUNITY_COMMITTEE', 'GENERAL_BRANCH', 'BRANCH', 'GROUP', 'CENTRAL_HOUSEHOLD'] as const;

export const partyOrganizationSchema = entitySchema('party_organizations', {
  name: { type: String, required: true },
  level: { type: String, required: true, enum: LEVELS },
  parentId: { type: String },
  coveredGridIds: { type: [String], default: [] }, // civil affairs' Grid ids
});
partyOrganizationSchema.index({ parentId: 1 });
partyOrganizationSchema.index({ level: 1, name: 1 });
partyOrganizationSchema.index({ coveredGridIds: 1 });

export type PartyOrganizationDoc = InferSchemaType<typeof partyOrganizationSchema> & { _id: string };
export const partyOrganizationModel = (connection: Connection) => connection.model('PartyOrganization', partyOrganizationSchema);
