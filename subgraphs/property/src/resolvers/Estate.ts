import { entityResolvers, reference } from '@cg/kit';
import type { Context } from '../context';
import type { EstateResolvers } from '../generated/resolvers-types';
import { contractOn } from '../contracts/contracts';
import { archiveInfo } from '../masterData/common';

export const Estate = {
  ...entityResolvers((ctx: Context) => ctx.loaders.estate),
  community: (estate) => reference(estate.communityId),
  propertyCompany: (estate, _, { loaders }) => (estate.propertyCompanyId ? loaders.propertyCompany.load(estate.propertyCompanyId) : null),
  managementHistory: (estate) => estate.managementHistory ?? [],
  buildings: (estate, page, { loaders }) => loaders.buildingsByEstate(estate._id, page),
  ownersCommittees: (estate, page, { loaders }) => loaders.ownersCommitteesByEstate(estate._id, page),
  archived: (doc) => archiveInfo(doc),
  currentContract: async (estate, _, { loaders }) => contractOn(await loaders.contractsByEstate.load(estate._id)),
  unchargedFallbackService: async (estate, _, { loaders }) => {
    const uncharged = await loaders.unchargedFallbackByEstate.load(estate._id);
    return { count: uncharged.length, amountFen: uncharged.reduce((sum, s) => sum + s.amountFen, 0) };
  },
} satisfies EstateResolvers;
