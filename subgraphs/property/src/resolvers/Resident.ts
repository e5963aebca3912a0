import { extendedEntity } from '@cg/kit';
import type { ResidentResolvers } from '../generated/resolvers-types';

export const Resident = {
  ...extendedEntity,
  serviceOrders: (resident, page, { loaders }) => loaders.serviceOrdersByReporter(resident.id, page),
} satisfies ResidentResolvers;
