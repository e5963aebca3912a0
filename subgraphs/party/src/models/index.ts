import type { Connection } from 'mongoose';
import { partyMemberModel } from './PartyMember';
import { partyOrganizationModel } from './PartyOrganization';
import { jointCaseModel } from './JointCase';
import { jointCaseStepModel } from './JointCaseStep';
import { responseUnitModel } from './ResponseUnit';

export const createModels = (connection: Connection) => ({
  PartyOrganization: partyOrganizationModel(connection),
  PartyMember: partyMemberModel(connection),
  // 1+3+N joint response (一呼联动)
  JointCase: jointCaseModel(connection),
  JointCaseStep: jointCaseStepModel(connection),
  ResponseUnit: responseUnitModel(connection),
});
export type Models = ReturnType<typeof createModels>;
