import { andFilters, entityResolvers, paginate, type PageArgs } from '@cg/kit';
import type { Context } from '../context';
import { ageOn, todayInChina } from '../dates';
import type { ResidentDoc } from '../models/Resident';

// name, idNumber, phone and birthDate resolve by default: the kit masks or refuses them by the @access policy in schema.graphql.
export const Resident = {
  ...entityResolvers((ctx: Context) => ctx.loaders.resident),
  age: (resident: ResidentDoc) => ageOn(resident.birthDate, todayInChina()),
  residency: (resident: ResidentDoc) => resident.residency ?? 'REGISTERED',
  household: (resident: ResidentDoc, _: unknown, { loaders }: Context) => loaders.household.load(resident.householdId),
  grid: (resident: ResidentDoc, _: unknown, { loaders }: Context) => loaders.grid.load(resident.gridId),
  // SENSITIVE: everything about vulnerability and assistance hangs under this one field (see ResidentCare).
  care: (resident: ResidentDoc) => ({ residentId: resident._id }),
  visits: (resident: ResidentDoc, args: PageArgs, ctx: Context) =>
    paginate(ctx.models.Visit, andFilters({ residentId: resident._id }, ctx.scopeFilter('Visit')), { visitedOn: -1 }, args),
  proxyServices: async (resident: ResidentDoc, _: unknown, { loaders }: Context) =>
    [...(await loaders.proxyServicesByResident.load(resident._id))].sort((a, b) => b.requestedOn.localeCompare(a.requestedOn)),
  civilityPoints: (resident: ResidentDoc, _: unknown, { loaders }: Context) => loaders.pointsAccountByResident.load(resident._id),
};
