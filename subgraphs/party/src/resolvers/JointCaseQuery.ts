import { andFilters, assertId, fetchById, paginate, trusted } from '@cg/kit';
import type { Context } from '../context';
import type { JointCaseFilter, QueryResolvers } from '../generated/resolvers-types';
import { governmentLedger, measures, publicSentimentLedger, supervisionFilter, threeLists } from '../jointCase/ledgers';
import type { JointCaseDoc } from '../models/JointCase';
import type { ResponseUnitDoc } from '../models/ResponseUnit';

/** Each filter field is served by an index on (field, submittedAt) declared beside the model. */
function caseFilter(f: JointCaseFilter): Record<string, unknown> {
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
  jointCases: (_, args, ctx) => paginate<JointCaseDoc>(ctx.models.JointCase, andFilters(caseFilter(args.filter ?? {}), ctx.scopeFilter('JointCase')), { submittedAt: -1 }, args),
  responseUnits: (_, args, { models }) =>
    models.ResponseUnit.find<ResponseUnitDoc>({
      ...(args.communityId != null ? { communityId: assertId(args.communityId, 'communityId') } : {}),
      ...(args.kind ? { kind: args.kind } : {}),
    } as Record<string, unknown>)
      .sort({ communityId: 1, kind: 1, name: 1 })
      .lean<ResponseUnitDoc[]>()
      .exec(),
  supervisionList: (_, args, ctx) => paginate<JointCaseDoc>(ctx.models.JointCase, andFilters(supervisionFilter(args), ctx.scopeFilter('JointCase')), { dueAt: 1 }, args),
  publicSentimentLedger: (_, { scope }, ctx) => publicSentimentLedger(ctx.models, scope, ctx.scopeFilter('JointCase')),
  governmentLedger: (_, { scope }, ctx) => governmentLedger(ctx.models, scope, ctx.scopeFilter('JointCase')),
  threeLists: (_, { communityId }, ctx) => threeLists(ctx.models, communityId, ctx.scopeFilter('JointCase')),
  jointCaseMeasures: (_, { scope }, ctx) => measures(ctx.models, scope, ctx.scopeFilter('JointCase')),
} satisfies QueryResolvers;
