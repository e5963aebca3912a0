import { entityResolvers } from '@cg/kit';
import type { Context } from '../context';
import type { CommunityResolvers } from '../generated/resolvers-types';
import { requireVolunteerYear } from '../volunteers/totals';

export const Community = {
  ...entityResolvers((ctx: Context) => ctx.loaders.community),
  volunteerMeasures: (community, { year }, { loaders }) => loaders.volunteerMeasuresOf.load(`${community._id}|${requireVolunteerYear(year)}`),
  grids: async (community, _, { loaders }) => [...(await loaders.gridsByCommunity.load(community._id))].sort((a, b) => a.code.localeCompare(b.code)),
} satisfies CommunityResolvers;
