import { andFilters, assertId, badInput, groupSums, requireDateTime, requireOrder, trusted } from '@cg/kit';
import { ON_THE_CLOCK } from './lifecycle';
import type { PipelineStage } from 'mongoose';
import type { Models } from '../models';
import type { ResponseUnitDoc } from '../models/ResponseUnit';
import type { Category } from './timeLimits';

/**
 * Two ledgers 两台账, three lists 三清单 and the measures, with the aggregation subset both MongoDB and FerretDB v1
 * run: $match, $unwind, $group with $sum only (over the 0/1 flags each step keeps on the case); ratios in code.
 * Several sums go through the kit's `groupSums` (FerretDB v1 computes only the first accumulator of a $group).
 */
interface Scope {
  from: string;
  to: string;
  communityId?: string | null;
  gridId?: string | null;
  unitId?: string | null;
}

/**
 * Cases submitted in [from, to) within the scope, duplicates excluded, and `within` the caller's own row scope
 * (the kit's scopeFilter), so a grid worker's figures count only the worker's grids. Aggregations need real Dates.
 */
function scopeMatch(scope: Scope, within: Record<string, unknown> = {}): Record<string, unknown> {
  const from = requireDateTime(scope.from, 'from');
  const to = requireDateTime(scope.to, 'to');
  requireOrder(from, to, ['from', 'to']);
  // trusted(): the same filter also goes to countDocuments, where sanitizeFilter would neutralise operators.
  const match: Record<string, unknown> = { submittedAt: trusted({ $gte: from, $lt: to }), status: trusted({ $ne: 'DUPLICATE' }) };
  if (scope.communityId != null) match.communityId = assertId(scope.communityId, 'communityId');
  if (scope.gridId != null) match.gridId = assertId(scope.gridId, 'gridId');
  if (scope.unitId != null) match['tasks.unitId'] = assertId(scope.unitId, 'unitId');
  return andFilters(match, within);
}

/** A `$group` row counting cases (or tasks) per key. */
type Count = { _id: string; n: number };

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);
const FLAGS = ['dispatched', 'responded', 'handled', 'onTime', 'late', 'resolved', 'reworked', 'whistled', 'rated', 'satisfied', 'inGrid', 'inCommunity'];

/** The measures; each definition is written in the schema (JointCaseMeasures). */
export async function measures(models: Models, scope: Scope, within: Record<string, unknown> = {}, now = new Date()) {
  const match = scopeMatch(scope, within);
  const [sums] = await groupSums(models.JointCase, [{ $match: match }], null, { total: 1, ...Object.fromEntries(FLAGS.map((f) => [f, `$m.${f}`])) });
  const c = { total: 0, ...Object.fromEntries(FLAGS.map((f) => [f, 0])), ...sums } as unknown as Record<string, number>;
  const openOverdue = await models.JointCase.countDocuments({
    ...match,
    status: trusted({ $in: [...ON_THE_CLOCK] }),
    dueAt: trusted({ $lt: now }),
  });
  const [reports] = await groupSums(
    models.JointCase,
    [{ $match: match }, { $unwind: '$whistleCalls' }, { $match: { $or: [{ 'whistleCalls.reportBy': { $lt: now } }, { 'whistleCalls.reportedAt': { $ne: null } }] } }],
    null,
    { due: 1, onTime: '$whistleCalls.onTime' },
  );
  const reportsDue = reports?.due ?? 0;
  const reportsOnTime = reports?.onTime ?? 0;
  return {
    cases: c.total!,
    dispatched: c.dispatched!,
    responded: c.responded!,
    handled: c.handled!,
    resolved: c.resolved!,
    onTime: c.onTime!,
    overdue: c.late! + openOverdue,
    reworked: c.reworked!,
    rated: c.rated!,
    satisfied: c.satisfied!,
    whistled: c.whistled!,
    reportsDue,
    reportsOnTime,
    resolvedInGrid: c.inGrid!,
    resolvedInCommunity: c.inCommunity!,
    responseRate: ratio(c.responded!, c.dispatched!),
    resolutionRate: ratio(c.resolved!, c.total!),
    onTimeRate: ratio(c.onTime!, c.handled!),
    overdueRate: ratio(c.late! + openOverdue, c.total!),
    reworkRate: ratio(c.reworked!, c.handled!),
    satisfactionRate: ratio(c.satisfied!, c.rated!),
    whistleRate: ratio(c.whistled!, c.total!),
    reportOnTimeRate: ratio(reportsOnTime, reportsDue),
    inGridShare: ratio(c.inGrid!, c.resolved!),
    inCommunityShare: ratio(c.inCommunity!, c.resolved!),
  };
}

/** 民情台账: cases by grid and category. */
export async function publicSentimentLedger(models: Models, scope: Scope, within: Record<string, unknown> = {}) {
  const rows = await groupSums(
    models.JointCase,
    [{ $match: scopeMatch(scope, within) }],
    { gridId: '$gridId', category: '$category' },
    {
      received: 1,
      handled: '$m.handled',
      resolved: '$m.resolved',
      satisfied: '$m.satisfied',
      rated: '$m.rated',
    },
  );
  return rows
    .map(({ _id, ...counts }) => ({ ...(_id as { gridId: string; category: Category }), ...counts }))
    .sort((a, b) => a.gridId.localeCompare(b.gridId) || a.category.localeCompare(b.category));
}

/** 政务台账: per unit, tasks received, resolved, on time and overdue, and whistle calls answered on time. */
export async function governmentLedger(models: Models, scope: Scope, within: Record<string, unknown> = {}, now = new Date()) {
  const match = scopeMatch(scope, within);
  const live: PipelineStage = { $match: { 'tasks.status': { $ne: 'WITHDRAWN' }, ...(scope.unitId ? { 'tasks.unitId': scope.unitId } : {}) } };
  const [tasks, open, calls] = await Promise.all([
    groupSums(models.JointCase, [{ $match: match }, { $unwind: '$tasks' }, live], '$tasks.unitId', { received: 1, resolved: '$tasks.resolved', onTime: '$tasks.onTime' }),
    models.JointCase.aggregate<Count>([
      { $match: { ...match, dueAt: { $lt: now } } },
      { $unwind: '$tasks' },
      { $match: { 'tasks.status': { $in: ['PENDING', 'ACCEPTED'] } } },
      { $group: { _id: '$tasks.unitId', n: { $sum: 1 } } },
    ]),
    groupSums(models.JointCase, [{ $match: match }, { $unwind: '$whistleCalls' }], '$whistleCalls.unitId', { called: 1, reportedOnTime: '$whistleCalls.onTime' }),
  ]);
  const units = new Set<string>([...tasks, ...calls].map((r) => r._id as string));
  if (scope.unitId) for (const u of [...units]) if (u !== scope.unitId) units.delete(u);
  const get = <R extends { _id: unknown }>(rows: R[], id: string) => rows.find((r) => r._id === id);
  return [...units].sort().map((unitId) => {
    const t = get(tasks, unitId) ?? { received: 0, resolved: 0, onTime: 0 };
    const w = get(calls, unitId) ?? { called: 0, reportedOnTime: 0 };
    return {
      unitId,
      received: t.received,
      resolved: t.resolved,
      onTime: t.onTime,
      overdue: t.resolved - t.onTime + (get(open, unitId)?.n ?? 0),
      whistleCalls: w.called,
      reportedOnTime: w.reportedOnTime,
    };
  });
}

/** 三清单: problems (open cases by category), resources (the 1+3+N roster), responsibilities (who leads what now). */
export async function threeLists(models: Models, communityId: string, within: Record<string, unknown> = {}, now = new Date()) {
  const community = assertId(communityId, 'communityId');
  const open = andFilters({ communityId: community, status: { $in: [...ON_THE_CLOCK, 'DEFERRED'] } }, within);
  const [problems, overdue, leads, units] = await Promise.all([
    models.JointCase.aggregate<{ _id: Category; open: number }>([{ $match: open }, { $group: { _id: '$category', open: { $sum: 1 } } }]),
    models.JointCase.aggregate<Count>([{ $match: { ...open, status: { $in: [...ON_THE_CLOCK] }, dueAt: { $lt: now } } }, { $group: { _id: '$category', n: { $sum: 1 } } }]),
    models.JointCase.aggregate<Count>([
      { $match: open },
      { $unwind: '$tasks' },
      { $match: { 'tasks.role': 'LEAD', 'tasks.status': { $in: ['PENDING', 'ACCEPTED'] } } },
      { $group: { _id: '$tasks.unitId', n: { $sum: 1 } } },
    ]),
    models.ResponseUnit.find({ communityId: community }).sort({ kind: 1, name: 1 }).lean<ResponseUnitDoc[]>(),
  ]);
  return {
    problems: problems
      .map((p) => ({ category: p._id, open: p.open, overdue: overdue.find((o) => o._id === p._id)?.n ?? 0 }))
      .sort((a, b) => b.open - a.open || a.category.localeCompare(b.category)),
    resources: units,
    responsibilities: units.map((u) => ({ unit: u, categories: u.categories, openLeadTasks: leads.find((l) => l._id === u._id)?.n ?? 0 })),
  };
}

/** 督单: cases on the clock that are overdue or due within `withinHours`. */
export function supervisionFilter(args: { withinHours?: number | null; communityId?: string | null; gridId?: string | null }, now = new Date()) {
  const hours = args.withinHours ?? 24;
  if (!Number.isFinite(hours) || hours < 0 || hours > 24 * 90) throw badInput('withinHours must be between 0 and 2160', { field: 'withinHours' });
  const filter: Record<string, unknown> = {
    status: trusted({ $in: [...ON_THE_CLOCK] }),
    dueAt: trusted({ $lte: new Date(now.getTime() + hours * 3_600_000) }),
  };
  if (args.communityId != null) filter.communityId = assertId(args.communityId, 'communityId');
  if (args.gridId != null) filter.gridId = assertId(args.gridId, 'gridId');
  return filter;
}
