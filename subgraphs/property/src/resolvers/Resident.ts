import { extendedEntity } from '@cg/kit';
import type { Context } from '../context';
import type { ServiceOrderDoc } from '../models/ServiceOrder';

const newestFirst = (a: ServiceOrderDoc, b: ServiceOrderDoc) => b.orderedAt.localeCompare(a.orderedAt);

export const Resident = {
  ...extendedEntity,
  serviceOrders: async (resident: { id: string }, _: unknown, { loaders }: Context) =>
    [...(await loaders.serviceOrdersByReporter.load(resident.id))].sort(newestFirst),
};
