import { entityResolvers } from '@cg/kit';
import type { Context } from '../context';
import type { PropertyCompanyResolvers } from '../generated/resolvers-types';
import { archiveInfo } from '../masterData/common';

export const PropertyCompany = {
  ...entityResolvers((ctx: Context) => ctx.loaders.propertyCompany),
  estates: (company, page, { loaders }) => loaders.estatesByCompany(company._id, page),
  crossAppointments: (company, page, { loaders }) => loaders.crossAppointmentsByCompany(company._id, page),
  archived: (doc) => archiveInfo(doc),
} satisfies PropertyCompanyResolvers;
