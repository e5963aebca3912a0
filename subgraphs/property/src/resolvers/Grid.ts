import { extendedEntity } from '@cg/kit';
import type { GridResolvers } from '../generated/resolvers-types';

export const Grid = {
  ...extendedEntity,
  buildings: (grid, _, { loaders }) => loaders.buildingsByGrid.load(grid.id),
} satisfies GridResolvers;
