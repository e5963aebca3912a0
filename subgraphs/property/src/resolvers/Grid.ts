import { extendedEntity } from '@cg/kit';
import type { GridResolvers } from '../generated/resolvers-types';

export const Grid = {
  ...extendedEntity,
  buildings: (grid, page, { loaders }) => loaders.buildingsByGrid(grid.id, page),
} satisfies GridResolvers;
