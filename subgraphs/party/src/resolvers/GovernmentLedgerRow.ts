import { loadReferenced } from '@cg/kit';
import type { GovernmentLedgerRowResolvers } from '../generated/resolvers-types';
import type { governmentLedger } from '../jointCase/ledgers';

export type GovernmentLedgerRowParent = Awaited<ReturnType<typeof governmentLedger>>[number];

/** 政务台账 row. */
export const GovernmentLedgerRow = {
  unit: (row, _, { loaders }) => loadReferenced(loaders.responseUnit, row.unitId, 'ResponseUnit'),
} satisfies GovernmentLedgerRowResolvers;
