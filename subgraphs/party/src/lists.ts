/** Filters and sort orders behind the root list fields; every path is served by an index declared beside its model. */
import { andFilters, paginate, requireDate, trusted, type PageArgs } from '@cg/kit';
import type { Context } from './context';
import { optionalId, orderFor, requireMonth, requireQuarter, requireYear } from './inputs';
import { membersMeetingQuota } from './quota';
import { subtreeIds } from './tree';

type Args<F> = PageArgs & { filter?: F | null; orderBy?: string | null };
const clean = (filter: Record<string, unknown>) => Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
const range = (from: string | undefined, to: string | undefined) =>
  from || to ? trusted({ ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) }) : undefined;

export function partyOrganizations({ filter, orderBy, ...page }: Args<any>, { models }: Context) {
  const f = filter ?? {};
  const query = clean({
    level: f.level ?? undefined,
    parentId: optionalId(f.parentId, 'filter.parentId'),
    ancestorIds: optionalId(f.ancestorId, 'filter.ancestorId'),
    coveredGridIds: optionalId(f.gridId, 'filter.gridId'),
  });
  return paginate(models.PartyOrganization, query, orderFor({ NAME_ASC: { name: 1 }, NAME_DESC: { name: -1 } }, orderBy, 'NAME_ASC'), page);
}

export async function partyMembers({ filter, orderBy, ...page }: Args<any>, { models }: Context) {
  const f = filter ?? {};
  const organizationId = optionalId(f.organizationId, 'filter.organizationId');
  const joinedFrom = f.joinedFrom == null ? undefined : requireDate(f.joinedFrom, 'filter.joinedFrom');
  const joinedTo = f.joinedTo == null ? undefined : requireDate(f.joinedTo, 'filter.joinedTo');
  const orgs = organizationId && f.includeDescendants ? trusted({ $in: await subtreeIds(models, organizationId) }) : organizationId;
  const query = clean({ category: f.category ?? undefined, organizationId: orgs, joinedOn: range(joinedFrom, joinedTo) });
  return paginate(models.PartyMember, query, orderFor({ JOINED_ON_ASC: { joinedOn: 1 }, JOINED_ON_DESC: { joinedOn: -1 } }, orderBy, 'JOINED_ON_ASC'), page);
}

export function dualRegistrations({ filter, orderBy, ...page }: Args<any>, { models }: Context) {
  const f = filter ?? {};
  const query = clean({
    memberId: optionalId(f.memberId, 'filter.memberId'),
    communityId: optionalId(f.communityId, 'filter.communityId'),
    workUnit: f.workUnit ?? undefined,
    reportedOn: range(f.reportedFrom == null ? undefined : requireDate(f.reportedFrom, 'filter.reportedFrom'), f.reportedTo == null ? undefined : requireDate(f.reportedTo, 'filter.reportedTo')),
  });
  return paginate(models.DualRegistration, query, orderFor({ REPORTED_ON_ASC: { reportedOn: 1 }, REPORTED_ON_DESC: { reportedOn: -1 } }, orderBy, 'REPORTED_ON_DESC'), page);
}

export function servicePosts({ filter, orderBy, ...page }: Args<any>, { models }: Context) {
  const f = filter ?? {};
  const query = clean({ kind: f.kind ?? undefined, gridId: optionalId(f.gridId, 'filter.gridId'), organizationId: optionalId(f.organizationId, 'filter.organizationId') });
  return paginate(models.ServicePost, query, orderFor({ NAME_ASC: { name: 1 }, NAME_DESC: { name: -1 } }, orderBy, 'NAME_ASC'), page);
}

export function serviceActivities({ filter, orderBy, ...page }: Args<any>, { models }: Context) {
  const f = filter ?? {};
  const query = clean({ memberId: optionalId(f.memberId, 'filter.memberId'), kind: f.kind ?? undefined, year: f.year == null ? undefined : requireYear(f.year, 'filter.year') });
  return paginate(models.ServiceActivity, query, orderFor({ DATE_ASC: { date: 1 }, DATE_DESC: { date: -1 } }, orderBy, 'DATE_DESC'), page);
}

/** In-service members not in the set that met the quota; each node carries what is missing (batched by a loader). */
export async function quotaShortfalls(args: PageArgs & { year: number; organizationId?: string | null }, ctx: Context) {
  const year = requireYear(args.year);
  const organizationId = optionalId(args.organizationId, 'organizationId');
  const met = await membersMeetingQuota(ctx.models, year);
  const query = clean({
    category: 'IN_SERVICE',
    organizationId: organizationId ? trusted({ $in: await subtreeIds(ctx.models, organizationId) }) : undefined,
    _id: met.length ? trusted({ $nin: met }) : undefined,
  });
  const page = await paginate<{ _id: string }>(ctx.models.PartyMember, query, { _id: 1 }, args);
  return {
    ...page,
    edges: page.edges.map(({ cursor, node }) => ({ cursor, node: { member: node, year } })),
  };
}

export function microWishes({ filter, orderBy, ...page }: Args<any>, ctx: Context) {
  const f = filter ?? {};
  const query = clean({
    status: f.status ?? undefined,
    organizationId: optionalId(f.organizationId, 'filter.organizationId'),
    claimedById: optionalId(f.claimedById, 'filter.claimedById'),
    dueOn: range(undefined, f.dueBefore == null ? undefined : requireDate(f.dueBefore, 'filter.dueBefore')),
  });
  const orders = { DUE_ON_ASC: { dueOn: 1 }, DUE_ON_DESC: { dueOn: -1 }, PUBLISHED_ON_DESC: { publishedOn: -1 } } as const;
  // A resident sees only their own wishes (the kit's scopeFilter), totals included.
  return paginate(ctx.models.MicroWish, andFilters(query, ctx.scopeFilter('MicroWish')), orderFor(orders, orderBy, 'DUE_ON_ASC'), page);
}

export function pointEntries({ filter, orderBy, ...page }: Args<any>, { models }: Context) {
  const f = filter ?? {};
  const query = clean({ memberId: optionalId(f.memberId, 'filter.memberId'), month: f.month == null ? undefined : requireMonth(f.month, 'filter.month'), sourceType: f.sourceType ?? undefined });
  return paginate(models.PointEntry, query, orderFor({ MONTH_ASC: { month: 1 }, MONTH_DESC: { month: -1 } }, orderBy, 'MONTH_DESC'), page);
}

export function awardNominations({ filter, ...page }: Args<any>, { models }: Context) {
  const f = filter ?? {};
  const query = clean({
    quarter: f.quarter == null ? undefined : requireQuarter(f.quarter, 'filter.quarter'),
    branchId: optionalId(f.branchId, 'filter.branchId'),
    memberId: optionalId(f.memberId, 'filter.memberId'),
  });
  return paginate(models.AwardNomination, query, { quarter: -1, branchId: 1, slot: 1 }, page);
}

export async function branchesWithoutNomination(args: PageArgs & { quarter: string }, { models }: Context) {
  const quarter = requireQuarter(args.quarter);
  const named = (await models.AwardNomination.distinct('branchId', { quarter })) as string[];
  return paginate(models.PartyOrganization, { level: 'BRANCH', _id: trusted({ $nin: named }) }, { name: 1 }, args);
}

export function jointBuildingUnits({ filter, orderBy, ...page }: Args<any>, { models }: Context) {
  const f = filter ?? {};
  const query = clean({ organizationId: optionalId(f.organizationId, 'filter.organizationId'), kind: f.kind ?? undefined, services: f.service ?? undefined });
  return paginate(models.JointBuildingUnit, query, orderFor({ NAME_ASC: { name: 1 }, NAME_DESC: { name: -1 } }, orderBy, 'NAME_ASC'), page);
}

export function liaisonAssignments({ filter, orderBy, ...page }: Args<any>, { models }: Context) {
  const f = filter ?? {};
  const query = clean({ kind: f.kind ?? undefined, communityId: optionalId(f.communityId, 'filter.communityId'), organizationId: optionalId(f.organizationId, 'filter.organizationId') });
  return paginate(models.LiaisonAssignment, query, orderFor({ START_ON_ASC: { startOn: 1 }, START_ON_DESC: { startOn: -1 } }, orderBy, 'START_ON_DESC'), page);
}
