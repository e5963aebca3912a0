import { badInput, optionalId } from '@cg/kit';
import type { FallbackServiceFilter, PropertyServiceContractFilter } from '../generated/resolvers-types';

/** Top-level equalities only, each served by an index beside its model (FerretDB v1 pushes them into SQL). */
const compact = (filter: Record<string, unknown>) => Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));

export const contractFilter = (f: PropertyServiceContractFilter = {}) => {
  if (f.estateId != null && f.propertyCompanyId != null) throw badInput('filter by estateId or by propertyCompanyId, not both', { field: 'propertyCompanyId' });
  return compact({ estateId: optionalId(f.estateId, 'estateId'), propertyCompanyId: optionalId(f.propertyCompanyId, 'propertyCompanyId') });
};

export const fallbackServiceFilter = (f: FallbackServiceFilter = {}) => {
  if (f.charged != null && f.estateId == null) throw badInput('charged needs estateId', { field: 'charged' });
  if (f.estateId != null && f.contractId != null) throw badInput('filter by estateId or by contractId, not both', { field: 'contractId' });
  return compact({ estateId: optionalId(f.estateId, 'estateId'), contractId: optionalId(f.contractId, 'contractId'), charged: f.charged ?? undefined });
};
