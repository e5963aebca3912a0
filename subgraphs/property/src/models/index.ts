import type { Connection } from 'mongoose';
import { buildingModel } from './Building';
import { estateModel } from './Estate';
import { propertyCompanyModel } from './PropertyCompany';
import { unitModel } from './Unit';

export const createModels = (connection: Connection) => ({
  PropertyCompany: propertyCompanyModel(connection),
  Estate: estateModel(connection),
  Building: buildingModel(connection),
  Unit: unitModel(connection),
});
export type Models = ReturnType<typeof createModels>;
