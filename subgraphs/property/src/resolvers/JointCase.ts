import type { JointCaseResolvers } from '../generated/resolvers-types';

/** Party's case, seen here by id: property answers only with the service orders raised from it. */
export const JointCase = {
  serviceOrders: async (c, _, { loaders }) => [...(await loaders.serviceOrdersByCase.load(c.id))].sort((a, b) => a.orderedAt.localeCompare(b.orderedAt)),
} satisfies JointCaseResolvers;
