import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

/** Top to bottom; a child's level must come after its parent's. */
export const LEVELS = ['WORKING_COMMITTEE', 'COMMUNITY_COMMITTEE', 'GENERAL_BRANCH', 'BRANCH', 'GROUP', 'CENTRAL_HOUSEHOLD'] as const;
export type Level = (typeof LEVELS)[number];

const partyOrganizationSchema = entitySchema('party_organizations', {
  name: { type: String, required: true },
  level: { type: String, required: true, enum: LEVELS },
  parentId: { type: String },
  // Every organisation above, top first: descendants of X are one indexed query `{ ancestorIds: X }`.
  ancestorIds: { type: [String], default: [] },
  coveredGridIds: { type: [String], default: [] }, // civil affairs' Grid ids
  createdBy: { type: String },
});
partyOrganizationSchema.index({ parentId: 1 });
partyOrganizationSchema.index({ ancestorIds: 1, level: 1 });
partyOrganizationSchema.index({ level: 1, name: 1 });
partyOrganizationSchema.index({ name: 1 });
partyOrganizationSchema.index({ coveredGridIds: 1 });

export type PartyOrganizationDoc = InferSchemaType<typeof partyOrganizationSchema> & { _id: string };
export const partyOrganizationModel = (connection: Connection) => connection.model('PartyOrganization', partyOrganizationSchema);
