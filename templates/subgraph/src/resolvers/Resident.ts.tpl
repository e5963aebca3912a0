import { extendedEntity } from '@cg/kit';
import type { ResidentResolvers } from '../generated/resolvers-types';

export const Resident = {
  ...extendedEntity,
  __entities__: async (resident, _, { loaders }) =>
    [...(await loaders.__entities__ByResident.load(resident.id))].sort((a, b) => b.occurredOn.localeCompare(a.occurredOn)),
} satisfies ResidentResolvers;
