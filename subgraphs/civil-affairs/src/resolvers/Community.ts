import { entityResolvers } from '@cg/kit';
import type { Context } from '../context';
import type { CommunityDoc } from '../models/Community';

export const Community = {
  ...entityResolvers((ctx: Context) => ctx.loaders.community),
  grids: (community: CommunityDoc, _: unknown, { loaders }: Context) => loaders.gridsByCommunity.load(community._id),
};
