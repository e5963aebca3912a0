import { entityResolvers } from '@cg/kit';
import type { Context } from '../context';
import type { GridDoc } from '../models/Grid';

export const Grid = {
  ...entityResolvers((ctx: Context) => ctx.loaders.grid),
  community: (grid: GridDoc, _: unknown, { loaders }: Context) => loaders.community.load(grid.communityId),
  residents: (grid: GridDoc, _: unknown, { loaders }: Context) => loaders.residentsByGrid.load(grid._id),
};
