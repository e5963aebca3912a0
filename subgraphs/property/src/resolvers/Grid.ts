import { extendedEntity } from '@cg/kit';
import type { Context } from '../context';

export const Grid = {
  ...extendedEntity,
  buildings: (grid: { id: string }, _: unknown, { loaders }: Context) => loaders.buildingsByGrid.load(grid.id),
};
