import { paginate, type PageArgs } from '@cg/kit';
import type { Context } from '../context';
import type { PointsAccountDoc } from '../models/CivilityPoints';

export const CivilityPointsAccount = {
  id: (account: PointsAccountDoc) => account._id,
  resident: (account: PointsAccountDoc, _: unknown, { loaders }: Context) => loaders.resident.load(account.residentId),
  // Only entries that count: a rejected spend or one still being applied is not part of the ledger's sum.
  entries: (account: PointsAccountDoc, args: PageArgs, { models }: Context) =>
    paginate(models.CivilityPointsEntry, { residentId: account.residentId, state: 'APPLIED' }, { occurredAt: -1 }, args),
};
