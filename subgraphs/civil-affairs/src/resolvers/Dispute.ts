import { loadReferenced, maskName } from '@cg/kit';
import type { DisputeResolvers } from '../generated/resolvers-types';

export const Dispute = {
  id: (dispute) => dispute._id,
  grid: (dispute, _, { loaders }) => loadReferenced(loaders.grid, dispute.gridId, 'Grid'),
  mediatorName: (dispute) => (dispute.mediatorName ? maskName(dispute.mediatorName) : null),
} satisfies DisputeResolvers;
