import { entityResolvers } from '@cg/kit';
import type { Context } from '../context';
import type { PropertyCompanyResolvers } from '../generated/resolvers-types';

export const PropertyCompany = {
  ...entityResolvers((ctx: Context) => ctx.loaders.propertyCompany),
  estates: (company, _, { loaders }) => loaders.estatesByCompany.load(company._id),
  crossAppointments: (company, _, { loaders }) => loaders.crossAppointmentsByCompany.load(company._id),
} satisfies PropertyCompanyResolvers;
