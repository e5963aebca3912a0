import { extendedEntity } from '@cg/kit';
import type { ServiceOrderDoc } from '../models/ServiceOrder';
import type { ResidentResolvers } from '../generated/resolvers-types';

const newestFirst = (a: ServiceOrderDoc, b: ServiceOrderDoc) => b.orderedAt.localeCompare(a.orderedAt);

export const Resident = {
  ...extendedEntity,
  serviceOrders: async (resident, _, { loaders }) => [...(await loaders.serviceOrdersByReporter.load(resident.id))].sort(newestFirst),
} satisfies ResidentResolvers;
