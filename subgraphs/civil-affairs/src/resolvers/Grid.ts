import { entityResolvers, maskName, maskPhone } from '@cg/kit';
import type { Context } from '../context';
import type { GridDoc } from '../models/Grid';

const byCode = (grids: GridDoc[]) => [...grids].sort((a, b) => a.code.localeCompare(b.code));

export const Grid = {
  ...entityResolvers((ctx: Context) => ctx.loaders.grid),
  // Grids written before the four-level chain are top-level grids.
  level: (grid: GridDoc) => grid.level ?? 'GRID',
  community: (grid: GridDoc, _: unknown, { loaders }: Context) => loaders.community.load(grid.communityId),
  parent: (grid: GridDoc, _: unknown, { loaders }: Context) => (grid.parentId ? loaders.grid.load(grid.parentId) : null),
  children: async (grid: GridDoc, _: unknown, { loaders }: Context) => byCode(await loaders.gridsByParent.load(grid._id)),
  workers: (grid: GridDoc) => (grid.workers ?? []).map((w) => ({ role: w.role, name: maskName(w.name), phone: w.phone ? maskPhone(w.phone) : null })),
  residents: async (grid: GridDoc, _: unknown, { loaders }: Context) => {
    if ((grid.level ?? 'GRID') === 'GRID') return loaders.residentsByGrid.load(grid._id);
    // Building and entrance nodes reach their residents through the households placed in them.
    const households = await loaders.householdsBySubGrid.load(grid._id);
    return (await Promise.all(households.map((h) => loaders.residentsByHousehold.load(h._id)))).flat();
  },
};
