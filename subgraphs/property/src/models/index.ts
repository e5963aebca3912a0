import type { Connection } from 'mongoose';
import { buildingModel } from './Building';
import { crossAppointmentModel } from './CrossAppointment';
import { estateModel } from './Estate';
import { estatePatrolModel } from './EstatePatrol';
import { fallbackServiceModel } from './FallbackService';
import { ownersCommitteeModel } from './OwnersCommittee';
import { propertyCompanyModel } from './PropertyCompany';
import { propertyServiceContractModel } from './PropertyServiceContract';
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
  PropertyServiceContract: propertyServiceContractModel(connection),
  FallbackService: fallbackServiceModel(connection),
});
export type Models = ReturnType<typeof createModels>;
