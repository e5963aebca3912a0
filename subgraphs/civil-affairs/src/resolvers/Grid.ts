import { entityResolvers, loadReferenced, maskName, maskPhone } from '@cg/kit';
import type { Context } from '../context';
import type { GridDoc } from '../models/Grid';
import type { GridResolvers } from '../generated/resolvers-types';
import { scopeStatistics } from './ScopeStatistics';

const byCode = (grids: GridDoc[]) => [...grids].sort((a, b) => a.code.localeCompare(b.code));

export const Grid = {
  ...entityResolvers((ctx: Context) => ctx.loaders.grid),
  // Grids written before the four-level chain are top-level grids.
  level: (grid) => grid.level ?? 'GRID',
  community: (grid, _, { loaders }) => loadReferenced(loaders.community, grid.communityId, 'Community'),
  parent: (grid, _, { loaders }) => (grid.parentId ? loaders.grid.load(grid.parentId) : null),
  children: async (grid, _, { loaders }) => byCode(await loaders.gridsByParent.load(grid._id)),
  workers: (grid) => (grid.workers ?? []).map((w) => ({ role: w.role, name: maskName(w.name), phone: w.phone ? maskPhone(w.phone) : null })),
  residents: async (grid, _, { loaders }) => {
    if ((grid.level ?? 'GRID') === 'GRID') return loaders.residentsByGrid.load(grid._id);
    // Building and entrance nodes reach their residents through the households placed in them.
    const households = await loaders.householdsBySubGrid.load(grid._id);
    return (await Promise.all(households.map((h) => loaders.residentsByHousehold.load(h._id)))).flat();
  },
  statistics: (grid, { from, to }, ctx) => scopeStatistics(ctx, 'GRID', grid._id, from, to),
} satisfies GridResolvers;
