import { andFilters, loadReferenced, paginate } from '@cg/kit';
import type { PointsAccountDoc, PointsEntryDoc } from '../models/CivilityPoints';
import type { CivilityPointsAccountResolvers } from '../generated/resolvers-types';

/** The account document (文明积分账户) as stored. */
export type CivilityPointsAccountParent = PointsAccountDoc;

export const CivilityPointsAccount = {
  id: (account) => account._id,
  resident: (account, _, { loaders }) => loadReferenced(loaders.resident, account.residentId, 'Resident'),
  entries: (account, args, ctx) =>
    paginate<PointsEntryDoc>(ctx.models.CivilityPointsEntry, andFilters({ residentId: account.residentId }, ctx.scopeFilter('CivilityPointsEntry')), { seq: -1 }, args),
} satisfies CivilityPointsAccountResolvers;
