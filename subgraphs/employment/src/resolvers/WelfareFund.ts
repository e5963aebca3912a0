import { assertId, entityResolvers, paginate, reference, requireDate, requireEnum, trusted } from '@cg/kit';
import type { Context } from '../context';
import { reconcile } from '../fund';
import { FUND_ENTRY_KINDS, FUND_INCOME_SOURCES } from '../models/enums';
import type { WelfareFundDoc } from '../models/WelfareFund';
import type { WelfareFundEntryFilter, WelfareFundResolvers } from '../generated/resolvers-types';
import type { WelfareFundEntryDoc } from '../models/WelfareFundEntry';

function entryFilter(fund: WelfareFundDoc, filter: WelfareFundEntryFilter = {}) {
  const query: Record<string, unknown> = { fundId: fund._id, state: 'APPLIED' };
  if (filter.kind != null) query.kind = requireEnum(filter.kind, FUND_ENTRY_KINDS, 'filter.kind');
  if (filter.source != null) query.source = requireEnum(filter.source, FUND_INCOME_SOURCES, 'filter.source');
  if (filter.postId != null) query.postId = assertId(filter.postId, 'filter.postId');
  const range: Record<string, string> = {};
  if (filter.from != null) range.$gte = requireDate(filter.from, 'filter.from');
  if (filter.to != null) range.$lte = requireDate(filter.to, 'filter.to');
  if (Object.keys(range).length) query.occurredOn = trusted(range);
  return query;
}

export const WelfareFund = {
  ...entityResolvers((ctx: Context) => ctx.loaders.welfareFund),
  community: (fund) => reference(fund.communityId),
  posts: (fund, page, { loaders }) => loaders.postsByFund(fund._id, page),
  entries: (fund, { filter, first, after }, { models }) =>
    paginate<WelfareFundEntryDoc>(models.WelfareFundEntry, entryFilter(fund, filter ?? {}), { occurredOn: -1 }, { first, after }),
  reconciliation: (fund, _, ctx) => reconcile(ctx, fund),
} satisfies WelfareFundResolvers;
