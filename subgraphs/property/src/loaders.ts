import { byIdLoader, manyByFieldLoader, pagedByFieldLoader } from '@cg/kit';
import type { Models } from './models';
import type { BuildingDoc } from './models/Building';
import type { CrossAppointmentDoc } from './models/CrossAppointment';
import type { EstateDoc } from './models/Estate';
import type { EstatePatrolDoc } from './models/EstatePatrol';
import type { FallbackServiceDoc } from './models/FallbackService';
import type { OwnersCommitteeDoc } from './models/OwnersCommittee';
import type { PropertyCompanyDoc } from './models/PropertyCompany';
import type { PropertyServiceContractDoc } from './models/PropertyServiceContract';
import type { ServiceOrderDoc } from './models/ServiceOrder';
import type { UnitDoc } from './models/Unit';

/** Per request: every entity and list relation batched into one `$in` query per type (a relation's later pages: one query each). */
export const createLoaders = ({ models }: { models: Models }) => ({
  propertyCompany: byIdLoader<PropertyCompanyDoc>(models.PropertyCompany),
  estate: byIdLoader<EstateDoc>(models.Estate),
  estatesByCompany: pagedByFieldLoader<EstateDoc>(models.Estate, 'propertyCompanyId', { name: 1 }),
  estatesByCommunity: pagedByFieldLoader<EstateDoc>(models.Estate, 'communityId', { name: 1 }),
  building: byIdLoader<BuildingDoc>(models.Building),
  buildingsByEstate: pagedByFieldLoader<BuildingDoc>(models.Building, 'estateId', { number: 1 }),
  buildingsByGrid: pagedByFieldLoader<BuildingDoc>(models.Building, 'gridId', { number: 1 }),
  unit: byIdLoader<UnitDoc>(models.Unit),
  unitsByBuilding: pagedByFieldLoader<UnitDoc>(models.Unit, 'buildingId', { entrance: 1, room: 1 }),
  ownersCommittee: byIdLoader<OwnersCommitteeDoc>(models.OwnersCommittee),
  ownersCommitteesByEstate: pagedByFieldLoader<OwnersCommitteeDoc>(models.OwnersCommittee, 'estateId', { termStart: -1 }),
  crossAppointment: byIdLoader<CrossAppointmentDoc>(models.CrossAppointment),
  crossAppointmentsByCompany: pagedByFieldLoader<CrossAppointmentDoc>(models.CrossAppointment, 'propertyCompanyId', { startOn: -1 }),
  serviceOrder: byIdLoader<ServiceOrderDoc>(models.ServiceOrder),
  serviceOrdersByReporter: pagedByFieldLoader<ServiceOrderDoc>(models.ServiceOrder, 'reporterId', { orderedAt: -1 }),
  serviceOrdersByCase: manyByFieldLoader<ServiceOrderDoc>(models.ServiceOrder, 'caseId'),
  estatePatrol: byIdLoader<EstatePatrolDoc>(models.EstatePatrol),
  contract: byIdLoader<PropertyServiceContractDoc>(models.PropertyServiceContract),
  contractsByEstate: manyByFieldLoader<PropertyServiceContractDoc>(models.PropertyServiceContract, 'estateId'),
  unchargedFallbackByEstate: manyByFieldLoader<FallbackServiceDoc>(models.FallbackService, 'estateId', { charged: false }),
});
export type Loaders = ReturnType<typeof createLoaders>;
