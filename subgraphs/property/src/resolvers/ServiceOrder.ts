import { entityResolvers, loadReferenced, reference } from '@cg/kit';
import type { Context } from '../context';
import type { ServiceOrderResolvers } from '../generated/resolvers-types';

export const ServiceOrder = {
  ...entityResolvers((ctx: Context) => ctx.loaders.serviceOrder),
  reporter: (order) => reference(order.reporterId),
  unit: (order, _, { loaders }) => loadReferenced(loaders.unit, order.unitId, 'Unit'),
  estate: (order, _, { loaders }) => loadReferenced(loaders.estate, order.estateId, 'Estate'),
  propertyCompany: (order, _, { loaders }) => (order.propertyCompanyId ? loaders.propertyCompany.load(order.propertyCompanyId) : null),
  case: (order) => (order.caseId ? { id: order.caseId } : null),
} satisfies ServiceOrderResolvers;
