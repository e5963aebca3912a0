import { loadReferenced } from '@cg/kit';
import type { FallbackServiceResolvers } from '../generated/resolvers-types';

export const FallbackService = {
  id: (s) => s._id,
  estate: (s, _, { loaders }) => loadReferenced(loaders.estate, s.estateId, 'Estate'),
  propertyCompany: (s, _, { loaders }) => loadReferenced(loaders.propertyCompany, s.propertyCompanyId, 'PropertyCompany'),
  contract: (s, _, { loaders }) => (s.contractId ? loaders.contract.load(s.contractId) : null),
} satisfies FallbackServiceResolvers;
