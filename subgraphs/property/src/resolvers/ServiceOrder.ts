import { entityResolvers, reference } from '@cg/kit';
import type { Context } from '../context';
import type { ServiceOrderDoc } from '../models/ServiceOrder';

export const ServiceOrder = {
  ...entityResolvers((ctx: Context) => ctx.loaders.serviceOrder),
  reporter: (order: ServiceOrderDoc) => reference(order.reporterId),
  unit: (order: ServiceOrderDoc, _: unknown, { loaders }: Context) => loaders.unit.load(order.unitId),
  estate: (order: ServiceOrderDoc, _: unknown, { loaders }: Context) => loaders.estate.load(order.estateId),
  propertyCompany: (order: ServiceOrderDoc, _: unknown, { loaders }: Context) =>
    order.propertyCompanyId ? loaders.propertyCompany.load(order.propertyCompanyId) : null,
};
