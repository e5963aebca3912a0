import { isStatisticsId, pageRanking, statisticsId, type StatisticsScope } from '@cg/kit';
import type { Context } from '../context';
import type { ScopeStatisticsResolvers } from '../generated/resolvers-types';
import { awardsOfScope } from '../statistics/awards';
import { ScopeFigures } from '../statistics/figures';
import { scopeOfId } from '../statistics/scope';

/** A scope's statistics: the id, the fields `@scope` checks the caller against, and the figures computed on demand. */
export interface ScopeStatisticsParent {
  id: string;
  gridId?: string;
  communityId?: string;
  figures: ScopeFigures;
}

async function statisticsOf(ctx: Context, id: string): Promise<ScopeStatisticsParent> {
  const scope = await scopeOfId(ctx, id);
  // A grid worker sees the figures of their own grid only: a wider scope carries no single grid and is refused them.
  const gridId = scope.key.scope !== 'COMMUNITY' && scope.gridIds.length === 1 ? scope.gridIds[0] : undefined;
  return { id, gridId, communityId: scope.communityId ?? undefined, figures: new ScopeFigures(ctx, scope) };
}

/** The statistics of a scope and range after checking both (BAD_USER_INPUT, NOT_FOUND): every entry point's answer. */
export const scopeStatistics = (ctx: Context, scope: StatisticsScope, scopeId: string, from: string, to: string) => statisticsOf(ctx, statisticsId(scope, scopeId, from, to));

export const ScopeStatistics = {
  __resolveReference: (reference: { id: string }, ctx: Context) => (isStatisticsId(reference.id) ? statisticsOf(ctx, reference.id) : null),
  id: (s) => s.id,
  scope: (s) => s.figures.scope.key.scope,
  scopeId: (s) => s.figures.scope.key.scopeId,
  from: (s) => s.figures.scope.key.from,
  to: (s) => s.figures.scope.key.to,
  residentCount: (s) => s.figures.residentCount(),
  visitsDue: (s) => s.figures.visitsDue(),
  visitsDone: (s) => s.figures.visitsDone(),
  mustVisitResidents: (s) => s.figures.mustVisitResidents(),
  disputesReceived: (s) => s.figures.disputesReceived(),
  disputesResolved: (s) => s.figures.disputesResolved(),
  civilityPointsRanking: async (s, page) => pageRanking(await s.figures.ranking(), page),
  civilityAwards: (s, { kind, ...page }, ctx) => awardsOfScope(ctx, s.figures.scope, kind, page),
  residentIds: async (s) => (await s.figures.residents()).map((r) => r._id),
  workingAgeResidentIds: (s) => s.figures.workingAgeResidentIds(),
} satisfies ScopeStatisticsResolvers;
