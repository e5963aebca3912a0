import { fetchById, paginate, pickSort } from '@cg/kit';
import type { Context } from '../context';
import type { QueryResolvers } from '../generated/resolvers-types';
import {
  buildingFilter,
  committeeFilter,
  companyFilter,
  crossAppointmentFilter,
  estateFilter,
  patrolCoverage,
  patrolFilter,
  serviceOrderFilter,
  SORTS,
  unitFilter,
} from '../lists';
import type { BuildingDoc } from '../models/Building';
import type { CrossAppointmentDoc } from '../models/CrossAppointment';
import type { EstateDoc } from '../models/Estate';
import type { EstatePatrolDoc } from '../models/EstatePatrol';
import type { OwnersCommitteeDoc } from '../models/OwnersCommittee';
import type { PropertyCompanyDoc } from '../models/PropertyCompany';
import type { ServiceOrderDoc } from '../models/ServiceOrder';
import type { UnitDoc } from '../models/Unit';

// Each list: filter and sort from the arguments, then the kit's keyset page.
export const Query = {
  propertyCompanies: (_, args, { models }) =>
    paginate<PropertyCompanyDoc>(models.PropertyCompany, companyFilter(args.filter ?? {}), pickSort(SORTS.company, args.orderBy, 'NAME_ASC'), args),
  propertyCompany: fetchById((ctx: Context) => ctx.loaders.propertyCompany),
  estates: (_, args, { models }) => paginate<EstateDoc>(models.Estate, estateFilter(args.filter ?? {}), pickSort(SORTS.estate, args.orderBy, 'NAME_ASC'), args),
  estate: fetchById((ctx: Context) => ctx.loaders.estate),
  buildings: (_, args, { models }) => paginate<BuildingDoc>(models.Building, buildingFilter(args.filter ?? {}), pickSort(SORTS.building, args.orderBy, 'NUMBER_ASC'), args),
  building: fetchById((ctx: Context) => ctx.loaders.building),
  units: (_, args, { models }) => paginate<UnitDoc>(models.Unit, unitFilter(args.filter ?? {}), { buildingId: 1, entrance: 1, room: 1 }, args),
  unit: fetchById((ctx: Context) => ctx.loaders.unit),
  ownersCommittees: (_, args, { models }) =>
    paginate<OwnersCommitteeDoc>(models.OwnersCommittee, committeeFilter(args.filter ?? {}), pickSort(SORTS.committee, args.orderBy, 'TERM_START_DESC'), args),
  ownersCommittee: fetchById((ctx: Context) => ctx.loaders.ownersCommittee),
  crossAppointments: (_, args, { models }) =>
    paginate<CrossAppointmentDoc>(models.CrossAppointment, crossAppointmentFilter(args.filter ?? {}), pickSort(SORTS.crossAppointment, args.orderBy, 'START_ON_DESC'), args),
  crossAppointment: fetchById((ctx: Context) => ctx.loaders.crossAppointment),
  serviceOrders: (_, args, { models }) =>
    paginate<ServiceOrderDoc>(models.ServiceOrder, serviceOrderFilter(args.filter ?? {}, args.orderBy), pickSort(SORTS.serviceOrder, args.orderBy, 'ORDERED_AT_DESC'), args),
  serviceOrder: fetchById((ctx: Context) => ctx.loaders.serviceOrder),
  estatePatrols: (_, args, { models }) => paginate<EstatePatrolDoc>(models.EstatePatrol, patrolFilter(args.filter ?? {}), pickSort(SORTS.patrol, args.orderBy, 'DATE_DESC'), args),
  estatePatrol: fetchById((ctx: Context) => ctx.loaders.estatePatrol),
  patrolCoverage: (_, args, ctx) => patrolCoverage(ctx, args),
} satisfies QueryResolvers;
