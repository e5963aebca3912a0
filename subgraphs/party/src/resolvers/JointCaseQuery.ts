import { andFilters, assertId, fetchById, paginate, trusted } from '@cg/kit';
import type { Context } from '../context';
import type { JointCaseFilter, QueryResolvers } from '../generated/resolvers-types';
import { searchFilter } from '../jointCase/search';
import { governmentLedger, measures, publicSentimentLedger, supervisionFilter, threeLists } from '../jointCase/ledgers';
import type { JointCaseDoc } from '../models/JointCase';
import type { ResponseUnitDoc } from '../models/ResponseUnit';

/** Each equality field is served by an index on (field, submittedAt) declared beside the model; the rest narrows them. */
function caseFilter(f: JointCaseFilter): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (f.status?.length) filter.status = trusted({ $in: f.status });
  if (f.category) filter.category = f.category;
  if (f.communityId != null) filter.communityId = assertId(f.communityId, 'filter.communityId');
  if (f.gridId != null) filter.gridId = assertId(f.gridId, 'filter.gridId');
  if (f.unitId != null) filter['tasks.unitId'] = assertId(f.unitId, 'filter.unitId');
  if (f.reporterId != null) filter.reporterId = assertId(f.reporterId, 'filter.reporterId');
  const narrowed = ['category', 'communityId', 'gridId', 'tasks.unitId', 'reporterId'].some((field) => field in filter);
  const more = searchFilter(f, narrowed);
  // Conditions stay top-level where their fields do not clash: the embedded database applies top-level equality in SQL.
  const rest: Array<Record<string, unknown>> = [];
  for (const part of more) {
    if (Object.keys(part).some((key) => key.startsWith('$') || key in filter)) rest.push(part);
    else Object.assign(filter, part);
  }
  if (rest.length) filter.$and = rest;
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
