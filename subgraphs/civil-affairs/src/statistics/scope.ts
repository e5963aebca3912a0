/**
 * Which grids a statistics scope covers. Every figure then reads its collections by equality on a top-level grid id
 * (residents, visits: one indexed query per grid) or on the community id (care profiles), so a query reads only the
 * scope's own rows; disputes, whose grid may be a building or entrance node, by the scope's node ids.
 */
import { badInput, notFound, parseStatisticsId, type StatisticsKey } from '@cg/kit';
import type { Context } from '../context';
import type { GridDoc } from '../models/Grid';

export interface StatisticsScope {
  key: StatisticsKey;
  /** Top-level grids (网格) of the scope: residents and visits carry one of these. */
  gridIds: string[];
  /** Every grid node of the scope, top-level grids with their buildings and entrances. */
  nodeIds: string[];
  /** The community of every grid of the scope; null when a party branch covers grids of several. */
  communityId: string | null;
}

const topLevelOf = (grid: GridDoc) => (!grid.level || grid.level === 'GRID' ? grid._id : grid.ancestorIds![0]!);

async function subtrees(ctx: Context, gridIds: string[]): Promise<string[]> {
  const below = await Promise.all(gridIds.map((id) => ctx.models.Grid.find({ ancestorIds: id }, { _id: 1 }).lean()));
  return [...gridIds, ...below.flat().map((g) => String(g._id))];
}

/** The grids a party organisation covers, asked of party (the owner of the coverage). */
async function coveredGridIds(ctx: Context, organizationId: string): Promise<string[]> {
  const [organization] = (await ctx.peers.entities('party', 'PartyOrganization', [organizationId], 'id coveredGrids { id }')) as Array<{
    coveredGrids?: Array<{ id: string }> | null;
  } | null>;
  if (!organization) throw notFound('PartyOrganization', organizationId, 'id');
  return (organization.coveredGrids ?? []).map((g) => g.id);
}

async function resolveScope(ctx: Context, key: StatisticsKey): Promise<StatisticsScope> {
  if (key.scope === 'COMMUNITY') {
    const community = await ctx.loaders.community.load(key.scopeId);
    if (!community) throw notFound('Community', key.scopeId, 'id');
    const grids = await ctx.loaders.gridsByCommunity.load(community._id);
    const gridIds = grids.filter((g) => topLevelOf(g) === g._id).map((g) => g._id);
    return { key, gridIds, nodeIds: grids.map((g) => g._id), communityId: community._id };
  }
  const ids = key.scope === 'GRID' ? [key.scopeId] : await coveredGridIds(ctx, key.scopeId);
  const grids = await ctx.loaders.grid.loadMany(ids);
  const found = grids.filter((g): g is GridDoc => !!g && !(g instanceof Error));
  if (key.scope === 'GRID' && !found.length) throw notFound('Grid', key.scopeId, 'id');
  if (key.scope === 'GRID' && topLevelOf(found[0]!) !== found[0]!._id) throw badInput('statistics cover a top-level grid (网格), not a building or entrance', { field: 'id' });
  const gridIds = [...new Set(found.map(topLevelOf))];
  const communities = [...new Set(found.map((g) => g.communityId))];
  return { key, gridIds, nodeIds: await subtrees(ctx, gridIds), communityId: communities.length === 1 ? communities[0]! : null };
}

/** Parses and checks a statistics id, resolves its scope (NOT_FOUND for an unknown one). */
export const scopeOfId = (ctx: Context, id: string) => resolveScope(ctx, parseStatisticsId(id));
