import { entityResolvers } from '@cg/kit';
import type { Context } from '../context';
import type { PropertyCompanyDoc } from '../models/PropertyCompany';

export const PropertyCompany = {
  ...entityResolvers((ctx: Context) => ctx.loaders.propertyCompany),
  estates: (company: PropertyCompanyDoc, _: unknown, { loaders }: Context) => loaders.estatesByCompany.load(company._id),
  crossAppointments: (company: PropertyCompanyDoc, _: unknown, { loaders }: Context) => loaders.crossAppointmentsByCompany.load(company._id),
};
