import { entityResolvers, maskIdNumber, maskName, maskPhone, paginate, type PageArgs } from '@cg/kit';
import type { Context } from '../context';
import { ageOn, todayInChina } from '../dates';
import type { ResidentDoc } from '../models/Resident';

// Personal data leaves the department de-identified; full values need the roles of the security work.
export const Resident = {
  ...entityResolvers((ctx: Context) => ctx.loaders.resident),
  name: (resident: ResidentDoc) => maskName(resident.name),
  idNumber: (resident: ResidentDoc) => maskIdNumber(resident.idNumber),
  phone: (resident: ResidentDoc) => (resident.phone ? maskPhone(resident.phone) : null),
  age: (resident: ResidentDoc) => ageOn(resident.birthDate, todayInChina()),
  residency: (resident: ResidentDoc) => resident.residency ?? 'REGISTERED',
  household: (resident: ResidentDoc, _: unknown, { loaders }: Context) => loaders.household.load(resident.householdId),
  grid: (resident: ResidentDoc, _: unknown, { loaders }: Context) => loaders.grid.load(resident.gridId),
  // SENSITIVE: everything about vulnerability and assistance hangs under this one field (see ResidentCare).
  care: (resident: ResidentDoc) => ({ residentId: resident._id }),
  visits: (resident: ResidentDoc, args: PageArgs, { models }: Context) =>
    paginate(models.Visit, { residentId: resident._id }, { visitedOn: -1 }, args),
  proxyServices: async (resident: ResidentDoc, _: unknown, { loaders }: Context) =>
    [...(await loaders.proxyServicesByResident.load(resident._id))].sort((a, b) => b.requestedOn.localeCompare(a.requestedOn)),
  civilityPoints: (resident: ResidentDoc, _: unknown, { loaders }: Context) => loaders.pointsAccountByResident.load(resident._id),
};
