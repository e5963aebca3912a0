import { entityResolvers, reference } from '@cg/kit';
import type { Context } from '../context';
import type { EstateDoc } from '../models/Estate';

export const Estate = {
  ...entityResolvers((ctx: Context) => ctx.loaders.estate),
  community: (estate: EstateDoc) => reference(estate.communityId),
  propertyCompany: (estate: EstateDoc, _: unknown, { loaders }: Context) =>
    estate.propertyCompanyId ? loaders.propertyCompany.load(estate.propertyCompanyId) : null,
  managementHistory: (estate: EstateDoc) => estate.managementHistory ?? [],
  buildings: (estate: EstateDoc, _: unknown, { loaders }: Context) => loaders.buildingsByEstate.load(estate._id),
  ownersCommittees: (estate: EstateDoc, _: unknown, { loaders }: Context) => loaders.ownersCommitteesByEstate.load(estate._id),
};
