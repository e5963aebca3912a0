import { loadReferenced, maskName } from '@cg/kit';
import type { VisitResolvers } from '../generated/resolvers-types';

export const Visit = {
  id: (visit) => visit._id,
  resident: (visit, _, { loaders }) => loadReferenced(loaders.resident, visit.residentId, 'Resident'),
  grid: (visit, _, { loaders }) => loadReferenced(loaders.grid, visit.gridId, 'Grid'),
  visitorName: (visit) => maskName(visit.visitorName),
} satisfies VisitResolvers;
