import type { Connection } from 'mongoose';
import { partyMemberModel } from './PartyMember';
import { partyOrganizationModel } from './PartyOrganization';

export const createModels = (connection: Connection) => ({
  PartyOrganization: partyOrganizationModel(connection),
  PartyMember: partyMemberModel(connection),
});
export type Models = ReturnType<typeof createModels>;
