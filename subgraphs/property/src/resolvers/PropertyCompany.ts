import { entityResolvers } from '@cg/kit';
import type { Context } from '../context';
import type { PropertyCompanyResolvers } from '../generated/resolvers-types';
import { archiveInfo } from '../masterData/common';

export const PropertyCompany = {
  ...entityResolvers((ctx: Context) => ctx.loaders.propertyCompany),
  estates: (company, _, { loaders }) => loaders.estatesByCompany.load(company._id),
  crossAppointments: (company, _, { loaders }) => loaders.crossAppointmentsByCompany.load(company._id),
  archived: (doc) => archiveInfo(doc),
} satisfies PropertyCompanyResolvers;
