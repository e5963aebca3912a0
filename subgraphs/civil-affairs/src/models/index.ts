import type { Connection } from 'mongoose';
import { assistanceRecordModel } from './AssistanceRecord';
import { careProfileModel } from './CareProfile';
import { civilityAwardModel } from './CivilityAward';
import { pointsAccountModel, pointsEntryModel } from './CivilityPoints';
import { communityModel } from './Community';
import { disputeModel } from './Dispute';
import { gridModel } from './Grid';
import { householdModel } from './Household';
import { proxyServiceModel } from './ProxyService';
import { residentModel } from './Resident';
import { visitModel } from './Visit';
import { volunteerModels } from './Volunteer';

export const createModels = (connection: Connection) => ({
  Community: communityModel(connection),
  Grid: gridModel(connection),
  Household: householdModel(connection),
  Resident: residentModel(connection),
  CareProfile: careProfileModel(connection),
  AssistanceRecord: assistanceRecordModel(connection),
  Visit: visitModel(connection),
  ProxyService: proxyServiceModel(connection),
  Dispute: disputeModel(connection),
  CivilityPointsAccount: pointsAccountModel(connection),
  CivilityPointsEntry: pointsEntryModel(connection),
  // volunteers (志愿服务)
  ...volunteerModels(connection),
  CivilityAward: civilityAwardModel(connection),
});
export type Models = ReturnType<typeof createModels>;
