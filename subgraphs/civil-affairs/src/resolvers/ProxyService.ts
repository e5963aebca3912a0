import { loadReferenced, maskName } from '@cg/kit';
import type { ProxyServiceResolvers } from '../generated/resolvers-types';

export const ProxyService = {
  id: (service) => service._id,
  resident: (service, _, { loaders }) => loadReferenced(loaders.resident, service.residentId, 'Resident'),
  grid: (service, _, { loaders }) => loadReferenced(loaders.grid, service.gridId, 'Grid'),
  handlerName: (service) => (service.handlerName ? maskName(service.handlerName) : null),
} satisfies ProxyServiceResolvers;
