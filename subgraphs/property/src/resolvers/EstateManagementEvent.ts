import type { Context } from '../context';
import type { ManagementEvent } from '../models/Estate';

export const EstateManagementEvent = {
  propertyCompany: (event: ManagementEvent, _: unknown, { loaders }: Context) =>
    event.propertyCompanyId ? loaders.propertyCompany.load(event.propertyCompanyId) : null,
};
