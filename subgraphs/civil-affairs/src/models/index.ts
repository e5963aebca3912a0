import type { Connection } from 'mongoose';
import { communityModel } from './Community';
import { gridModel } from './Grid';
import { householdModel } from './Household';
import { residentModel } from './Resident';
import { visitModel } from './Visit';

export const createModels = (connection: Connection) => ({
  Community: communityModel(connection),
  Grid: gridModel(connection),
  Household: householdModel(connection),
  Resident: residentModel(connection),
  Visit: visitModel(connection),
});
export type Models = ReturnType<typeof createModels>;
