import { andFilters, assertId, fetchById, paginate, trusted, type PageArgs } from '@cg/kit';
import type { Context } from '../context';
import { governmentLedger, measures, publicSentimentLedger, supervisionFilter, threeLists, type Scope } from '../jointCase/ledgers';

interface CaseFilter {
  status?: string[] | null;
  category?: string | null;
  communityId?: string | null;
  gridId?: string | null;
  unitId?: string | null;
  reporterId?: string | null;
}

/** Each filter field is served by an index on (field, submittedAt) declared beside the model. */
function caseFilter(f: CaseFilter = {}): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (f.status?.length) filter.status = trusted({ $in: f.status });
  if (f.category) filter.category = f.category;
  if (f.communityId != null) filter.communityId = assertId(f.communityId, 'filter.communityId');
  if (f.gridId != null) filter.gridId = assertId(f.gridId, 'filter.gridId');
  if (f.unitId != null) filter['tasks.unitId'] = assertId(f.unitId, 'filter.unitId');
  if (f.reporterId != null) filter.reporterId = assertId(f.reporterId, 'filter.reporterId');
  return filter;
}

/**
 * Query fields of the joint response (merged into Query in index.ts). Lists, ledgers and measures count only cases
 * in the caller's scope (grids, communities; a resident's own cases), filtered in the database.
 */
export const jointCaseQueries = {
  jointCase: fetchById((ctx: Context) => ctx.loaders.jointCase),
  jointCases: (_: unknown, args: PageArgs & { filter?: CaseFilter | null }, ctx: Context) =>
    paginate(ctx.models.JointCase, andFilters(caseFilter(args.filter ?? {}), ctx.scopeFilter('JointCase')), { submittedAt: -1 }, args),
  responseUnits: (_: unknown, args: { communityId?: string | null; kind?: string | null }, { models }: Context) =>
    models.ResponseUnit.find<Record<string, unknown>>({
      ...(args.communityId != null ? { communityId: assertId(args.communityId, 'communityId') } : {}),
      ...(args.kind ? { kind: args.kind } : {}),
    } as Record<string, unknown>).sort({ communityId: 1, kind: 1, name: 1 }).lean().exec(),
  supervisionList: (_: unknown, args: PageArgs & { withinHours?: number | null; communityId?: string | null; gridId?: string | null }, ctx: Context) =>
    paginate(ctx.models.JointCase, andFilters(supervisionFilter(args), ctx.scopeFilter('JointCase')), { dueAt: 1 }, args),
  publicSentimentLedger: (_: unknown, { scope }: { scope: Scope }, ctx: Context) => publicSentimentLedger(ctx.models, scope, ctx.scopeFilter('JointCase')),
  governmentLedger: (_: unknown, { scope }: { scope: Scope }, ctx: Context) => governmentLedger(ctx.models, scope, ctx.scopeFilter('JointCase')),
  threeLists: (_: unknown, { communityId }: { communityId: string }, ctx: Context) => threeLists(ctx.models, communityId, ctx.scopeFilter('JointCase')),
  jointCaseMeasures: (_: unknown, { scope }: { scope: Scope }, ctx: Context) => measures(ctx.models, scope, ctx.scopeFilter('JointCase')),
};
