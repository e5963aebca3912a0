import { entityResolvers } from '@cg/kit';
import type { Context } from '../context';
import type { CommunityResolvers } from '../generated/resolvers-types';
import { scopeStatistics } from './ScopeStatistics';

export const Community = {
  ...entityResolvers((ctx: Context) => ctx.loaders.community),
  grids: async (community, _, { loaders }) => [...(await loaders.gridsByCommunity.load(community._id))].sort((a, b) => a.code.localeCompare(b.code)),
  statistics: (community, { from, to }, ctx) => scopeStatistics(ctx, 'COMMUNITY', community._id, from, to),
} satisfies CommunityResolvers;
