import { entityResolvers, maskIdNumber, maskName, maskPhone } from '@cg/kit';
import type { Context } from '../context';
import type { ResidentDoc } from '../models/Resident';

// Personal data leaves the department de-identified; full values need the roles of the security work.
export const Resident = {
  ...entityResolvers((ctx: Context) => ctx.loaders.resident),
  name: (resident: ResidentDoc) => maskName(resident.name),
  idNumber: (resident: ResidentDoc) => maskIdNumber(resident.idNumber),
  phone: (resident: ResidentDoc) => (resident.phone ? maskPhone(resident.phone) : null),
  household: (resident: ResidentDoc, _: unknown, { loaders }: Context) => loaders.household.load(resident.householdId),
  grid: (resident: ResidentDoc, _: unknown, { loaders }: Context) => loaders.grid.load(resident.gridId),
};
