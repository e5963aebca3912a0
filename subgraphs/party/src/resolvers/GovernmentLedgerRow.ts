import type { Context } from '../context';

/** 政务台账 row. */
export const GovernmentLedgerRow = {
  unit: (row: { unitId: string }, _: unknown, { loaders }: Context) => loaders.responseUnit.load(row.unitId),
};
