import { loadReferenced } from '@cg/kit';
import type { PropertyServiceContractResolvers } from '../generated/resolvers-types';

export const PropertyServiceContract = {
  id: (c) => c._id,
  estate: (c, _, { loaders }) => loadReferenced(loaders.estate, c.estateId, 'Estate'),
  propertyCompany: (c, _, { loaders }) => loadReferenced(loaders.propertyCompany, c.propertyCompanyId, 'PropertyCompany'),
  chargedServiceCount: (c) => c.chargedServiceIds.length,
} satisfies PropertyServiceContractResolvers;
