import type { ManagementEvent } from '../models/Estate';
import type { EstateManagementEventResolvers } from '../generated/resolvers-types';

/** An entry of the estate's management history as stored. */
export type EstateManagementEventParent = ManagementEvent;

export const EstateManagementEvent = {
  propertyCompany: (event, _, { loaders }) => (event.propertyCompanyId ? loaders.propertyCompany.load(event.propertyCompanyId) : null),
} satisfies EstateManagementEventResolvers;
