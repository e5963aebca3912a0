import { byIdLoader, manyByFieldLoader } from '@cg/kit';
import type { Models } from './models';
import type { BuildingDoc } from './models/Building';
import type { CrossAppointmentDoc } from './models/CrossAppointment';
import type { EstateDoc } from './models/Estate';
import type { EstatePatrolDoc } from './models/EstatePatrol';
import type { OwnersCommitteeDoc } from './models/OwnersCommittee';
import type { PropertyCompanyDoc } from './models/PropertyCompany';
import type { ServiceOrderDoc } from './models/ServiceOrder';
import type { UnitDoc } from './models/Unit';

/** Per request: every entity and list relation batched into one `$in` query per type. */
export const createLoaders = ({ models }: { models: Models }) => ({
  propertyCompany: byIdLoader<PropertyCompanyDoc>(models.PropertyCompany),
  estate: byIdLoader<EstateDoc>(models.Estate),
  estatesByCompany: manyByFieldLoader<EstateDoc>(models.Estate, 'propertyCompanyId'),
  estatesByCommunity: manyByFieldLoader<EstateDoc>(models.Estate, 'communityId'),
  building: byIdLoader<BuildingDoc>(models.Building),
  buildingsByEstate: manyByFieldLoader<BuildingDoc>(models.Building, 'estateId'),
  buildingsByGrid: manyByFieldLoader<BuildingDoc>(models.Building, 'gridId'),
  unit: byIdLoader<UnitDoc>(models.Unit),
  unitsByBuilding: manyByFieldLoader<UnitDoc>(models.Unit, 'buildingId'),
  ownersCommittee: byIdLoader<OwnersCommitteeDoc>(models.OwnersCommittee),
  ownersCommitteesByEstate: manyByFieldLoader<OwnersCommitteeDoc>(models.OwnersCommittee, 'estateId'),
  crossAppointment: byIdLoader<CrossAppointmentDoc>(models.CrossAppointment),
  crossAppointmentsByCompany: manyByFieldLoader<CrossAppointmentDoc>(models.CrossAppointment, 'propertyCompanyId'),
  serviceOrder: byIdLoader<ServiceOrderDoc>(models.ServiceOrder),
  serviceOrdersByReporter: manyByFieldLoader<ServiceOrderDoc>(models.ServiceOrder, 'reporterId'),
  serviceOrdersByCase: manyByFieldLoader<ServiceOrderDoc>(models.ServiceOrder, 'caseId'),
  estatePatrol: byIdLoader<EstatePatrolDoc>(models.EstatePatrol),
});
export type Loaders = ReturnType<typeof createLoaders>;
