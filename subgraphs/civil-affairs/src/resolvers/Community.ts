import { entityResolvers } from '@cg/kit';
import type { Context } from '../context';
import type { CommunityResolvers } from '../generated/resolvers-types';
import { archiveInfo } from '../masterData/communities';

export const Community = {
  ...entityResolvers((ctx: Context) => ctx.loaders.community),
  grids: async (community, _, { loaders }) => [...(await loaders.gridsByCommunity.load(community._id))].sort((a, b) => a.code.localeCompare(b.code)),
  archived: (community) => archiveInfo(community),
} satisfies CommunityResolvers;
