import { andFilters, entityResolvers, loadReferenced, maskName, maskPhone, paginate } from '@cg/kit';
import type { Context } from '../context';
import type { GridDoc } from '../models/Grid';
import type { GridResolvers } from '../generated/resolvers-types';
import { residentsOfGrid } from '../lists';
import type { ResidentDoc } from '../models/Resident';
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
  // Building and entrance nodes reach their residents through the households placed in them.
  residents: async (grid, page, ctx) =>
    paginate<ResidentDoc>(ctx.models.Resident, andFilters(await residentsOfGrid(ctx.models, grid), ctx.scopeFilter('Resident')), { name: 1 }, page),
  statistics: (grid, { from, to }, ctx) => scopeStatistics(ctx, 'GRID', grid._id, from, to),
} satisfies GridResolvers;
