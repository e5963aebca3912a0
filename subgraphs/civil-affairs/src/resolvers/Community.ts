import { entityResolvers, paginate, trusted } from '@cg/kit';
import type { Context } from '../context';
import type { CommunityResolvers } from '../generated/resolvers-types';
import type { GridDoc } from '../models/Grid';
import { archiveInfo } from '../masterData/communities';
import { requireVolunteerYear } from '../volunteers/totals';
import { scopeStatistics } from './ScopeStatistics';

export const Community = {
  ...entityResolvers((ctx: Context) => ctx.loaders.community),
  // Grids from before the four-level chain have no level: they are GRID nodes.
  grids: (community, { level, ...page }, { models }) => {
    const where: Record<string, unknown> = { communityId: community._id };
    if (level) where.level = level === 'GRID' ? trusted({ $in: ['GRID', null] }) : level;
    return paginate<GridDoc>(models.Grid, where, { code: 1 }, page);
  },
  archived: (community) => archiveInfo(community),
  volunteerMeasures: (community, { year }, { loaders }) => loaders.volunteerMeasuresOf.load(`${community._id}|${requireVolunteerYear(year)}`),
  statistics: (community, { from, to }, ctx) => scopeStatistics(ctx, 'COMMUNITY', community._id, from, to),
} satisfies CommunityResolvers;
