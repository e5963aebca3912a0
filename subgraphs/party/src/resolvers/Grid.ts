import { extendedEntity } from '@cg/kit';
import type { Context } from '../context';

export const Grid = {
  ...extendedEntity,
  partyBranch: (grid: { id: string }, _: unknown, { loaders }: Context) => loaders.branchByGrid.load(grid.id),
  servicePosts: (grid: { id: string }, _: unknown, { loaders }: Context) => loaders.postsInGrid.load(grid.id),
};
