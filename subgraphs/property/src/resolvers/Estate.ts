import { entityResolvers, reference } from '@cg/kit';
import type { Context } from '../context';
import type { EstateResolvers } from '../generated/resolvers-types';

export const Estate = {
  ...entityResolvers((ctx: Context) => ctx.loaders.estate),
  community: (estate) => reference(estate.communityId),
  propertyCompany: (estate, _, { loaders }) => (estate.propertyCompanyId ? loaders.propertyCompany.load(estate.propertyCompanyId) : null),
  managementHistory: (estate) => estate.managementHistory ?? [],
  buildings: (estate, _, { loaders }) => loaders.buildingsByEstate.load(estate._id),
  ownersCommittees: (estate, _, { loaders }) => loaders.ownersCommitteesByEstate.load(estate._id),
} satisfies EstateResolvers;
