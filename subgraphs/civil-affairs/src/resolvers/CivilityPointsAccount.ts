import { andFilters, paginate, type PageArgs } from '@cg/kit';
import type { Context } from '../context';
import type { PointsAccountDoc } from '../models/CivilityPoints';

export const CivilityPointsAccount = {
  id: (account: PointsAccountDoc) => account._id,
  resident: (account: PointsAccountDoc, _: unknown, { loaders }: Context) => loaders.resident.load(account.residentId),
  entries: (account: PointsAccountDoc, args: PageArgs, ctx: Context) =>
    paginate(ctx.models.CivilityPointsEntry, andFilters({ residentId: account.residentId }, ctx.scopeFilter('CivilityPointsEntry')), { seq: -1 }, args),
};
