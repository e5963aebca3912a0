import type { Connection } from 'mongoose';
import { buildingModel } from './Building';
import { crossAppointmentModel } from './CrossAppointment';
import { estateModel } from './Estate';
import { estatePatrolModel } from './EstatePatrol';
import { ownersCommitteeModel } from './OwnersCommittee';
import { propertyCompanyModel } from './PropertyCompany';
import { serviceOrderModel } from './ServiceOrder';
import { unitModel } from './Unit';

export const createModels = (connection: Connection) => ({
  PropertyCompany: propertyCompanyModel(connection),
  Estate: estateModel(connection),
  Building: buildingModel(connection),
  Unit: unitModel(connection),
  OwnersCommittee: ownersCommitteeModel(connection),
  CrossAppointment: crossAppointmentModel(connection),
  ServiceOrder: serviceOrderModel(connection),
  EstatePatrol: estatePatrolModel(connection),
});
export type Models = ReturnType<typeof createModels>;
