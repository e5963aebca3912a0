import { entityResolvers } from '@cg/kit';
import type { Context } from '../context';
import type { CommunityDoc } from '../models/Community';

export const Community = {
  ...entityResolvers((ctx: Context) => ctx.loaders.community),
  grids: async (community: CommunityDoc, _: unknown, { loaders }: Context) =>
    [...(await loaders.gridsByCommunity.load(community._id))].sort((a, b) => a.code.localeCompare(b.code)),
};
