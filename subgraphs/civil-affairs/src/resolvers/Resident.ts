import { entityResolvers } from '@cg/kit';
import type { Context } from '../context';
import type { ResidentDoc } from '../models/Resident';

// name, idNumber, phone and birthDate resolve by default: the kit masks or refuses them by the @access policy in schema.graphql.
export const Resident = {
  ...entityResolvers((ctx: Context) => ctx.loaders.resident),
  household: (resident: ResidentDoc, _: unknown, { loaders }: Context) => loaders.household.load(resident.householdId),
  grid: (resident: ResidentDoc, _: unknown, { loaders }: Context) => loaders.grid.load(resident.gridId),
};
