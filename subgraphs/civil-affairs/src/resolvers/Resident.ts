import { ageOn, andFilters, entityResolvers, loadReferenced, paginate, todayInChina } from '@cg/kit';
import type { Context } from '../context';
import type { ResidentResolvers } from '../generated/resolvers-types';
import type { VisitDoc } from '../models/Visit';
import { volunteerTotals } from '../volunteers/totals';

// name, idNumber, phone and birthDate resolve by default: the kit masks or refuses them by the @access policy in schema.graphql.
export const Resident = {
  ...entityResolvers((ctx: Context) => ctx.loaders.resident),
  age: (resident) => ageOn(resident.birthDate, todayInChina()),
  residency: (resident) => resident.residency ?? 'REGISTERED',
  household: (resident, _, { loaders }) => loadReferenced(loaders.household, resident.householdId, 'Household'),
  grid: (resident, _, { loaders }) => loadReferenced(loaders.grid, resident.gridId, 'Grid'),
  // SENSITIVE: everything about vulnerability and assistance hangs under this one field (see ResidentCare).
  care: (resident) => ({ residentId: resident._id }),
  visits: (resident, args, ctx) => paginate<VisitDoc>(ctx.models.Visit, andFilters({ residentId: resident._id }, ctx.scopeFilter('Visit')), { visitedOn: -1 }, args),
  proxyServices: (resident, args, { loaders }) => loaders.proxyServicePages(resident._id, args),
  civilityPoints: (resident, _, { loaders }) => loaders.pointsAccountByResident.load(resident._id),
  volunteerTotals: (resident, { period }, { models }) => volunteerTotals(models, 'residentId', resident._id, period),
} satisfies ResidentResolvers;
