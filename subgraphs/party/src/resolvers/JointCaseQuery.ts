import { assertId, fetchById, paginate, trusted, type PageArgs } from '@cg/kit';
import type { Context } from '../context';
import { governmentLedger, measures, publicSentimentLedger, supervisionFilter, threeLists, type Scope } from '../jointCaseLedgers';

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

/** Query fields of the joint response (merged into Query in index.ts). */
export const jointCaseQueries = {
  jointCase: fetchById((ctx: Context) => ctx.loaders.jointCase),
  jointCases: (_: unknown, args: PageArgs & { filter?: CaseFilter | null }, { models }: Context) =>
    paginate(models.JointCase, caseFilter(args.filter ?? {}), { submittedAt: -1 }, args),
  responseUnits: (_: unknown, args: { communityId?: string | null; kind?: string | null }, { models }: Context) =>
    models.ResponseUnit.find<Record<string, unknown>>({
      ...(args.communityId != null ? { communityId: assertId(args.communityId, 'communityId') } : {}),
      ...(args.kind ? { kind: args.kind } : {}),
    } as Record<string, unknown>).sort({ communityId: 1, kind: 1, name: 1 }).lean().exec(),
  supervisionList: (_: unknown, args: PageArgs & { withinHours?: number | null; communityId?: string | null; gridId?: string | null }, { models }: Context) =>
    paginate(models.JointCase, supervisionFilter(args), { dueAt: 1 }, args),
  publicSentimentLedger: (_: unknown, { scope }: { scope: Scope }, { models }: Context) => publicSentimentLedger(models, scope),
  governmentLedger: (_: unknown, { scope }: { scope: Scope }, { models }: Context) => governmentLedger(models, scope),
  threeLists: (_: unknown, { communityId }: { communityId: string }, { models }: Context) => threeLists(models, communityId),
  jointCaseMeasures: (_: unknown, { scope }: { scope: Scope }, { models }: Context) => measures(models, scope),
};
