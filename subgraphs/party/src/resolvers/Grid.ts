import { extendedEntity } from '@cg/kit';
import type { GridResolvers } from '../generated/resolvers-types';

export const Grid = {
  ...extendedEntity,
  partyBranch: (grid, _, { loaders }) => loaders.branchByGrid.load(grid.id),
  servicePosts: (grid, page, { loaders }) => loaders.postsInGrid(grid.id, page),
} satisfies GridResolvers;
