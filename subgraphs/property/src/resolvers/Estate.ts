import { entityResolvers, reference } from '@cg/kit';
import type { Context } from '../context';
import type { EstateResolvers } from '../generated/resolvers-types';

export const Estate = {
  ...entityResolvers((ctx: Context) => ctx.loaders.estate),
  community: (estate) => reference(estate.communityId),
  propertyCompany: (estate, _, { loaders }) => (estate.propertyCompanyId ? loaders.propertyCompany.load(estate.propertyCompanyId) : null),
  managementHistory: (estate) => estate.managementHistory ?? [],
  buildings: (estate, page, { loaders }) => loaders.buildingsByEstate(estate._id, page),
  ownersCommittees: (estate, page, { loaders }) => loaders.ownersCommitteesByEstate(estate._id, page),
} satisfies EstateResolvers;
