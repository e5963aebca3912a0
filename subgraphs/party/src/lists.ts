/** Filters and sort orders behind the root list fields; every path is served by an index declared beside its model. */
import { andFilters, optionalDate, optionalId, paginate, pickSort, requireNonBlank, trusted } from '@cg/kit';
import type { Context } from './context';
import type {
  QueryAwardNominationsArgs,
  QueryBranchesWithoutNominationArgs,
  QueryDualRegistrationsArgs,
  QueryJointBuildingUnitsArgs,
  QueryLiaisonAssignmentsArgs,
  QueryMicroWishesArgs,
  QueryPartyMembersArgs,
  QueryPartyOrganizationsArgs,
  QueryPointEntriesArgs,
  QueryQuotaShortfallsArgs,
  QueryServiceActivitiesArgs,
  QueryServicePostsArgs,
} from './generated/resolvers-types';
import { requireMonth, requireQuarter, requireYear } from './inputs';
import type { AwardNominationDoc } from './models/AwardNomination';
import type { DualRegistrationDoc } from './models/DualRegistration';
import type { JointBuildingUnitDoc } from './models/JointBuildingUnit';
import type { LiaisonAssignmentDoc } from './models/LiaisonAssignment';
import type { MicroWishDoc } from './models/MicroWish';
import type { PartyMemberDoc } from './models/PartyMember';
import type { PartyOrganizationDoc } from './models/PartyOrganization';
import type { PointEntryDoc } from './models/PointEntry';
import type { ServiceActivityDoc } from './models/ServiceActivity';
import type { ServicePostDoc } from './models/ServicePost';
import { membersMeetingQuota } from './quota';
import { subtreeIds } from './tree';

const clean = (filter: Record<string, unknown>) => Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
const range = (from: string | undefined, to: string | undefined) => (from || to ? trusted({ ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) }) : undefined);
const NAME = { NAME_ASC: { name: 1 }, NAME_DESC: { name: -1 } } as const;

export function partyOrganizations(ctx: Context, { filter, orderBy, ...page }: QueryPartyOrganizationsArgs) {
  const f = filter ?? {};
  const query = clean({
    level: f.level ?? undefined,
    parentId: optionalId(f.parentId, 'filter.parentId'),
    ancestorIds: optionalId(f.ancestorId, 'filter.ancestorId'),
    coveredGridIds: optionalId(f.gridId, 'filter.gridId'),
  });
  return paginate<PartyOrganizationDoc>(ctx.models.PartyOrganization, query, pickSort(NAME, orderBy, 'NAME_ASC'), page);
}

/** Names are civil affairs' records: it answers which residents bear the name, party which of them are members. */
async function residentsNamed(ctx: Context, name: string): Promise<string[]> {
  const variables = { name: requireNonBlank(name, 'filter.name', 40) };
  const data = await ctx.peers.call<{ residentIdsByName: string[] }>('civil-affairs', 'query($name: String!) { residentIdsByName(name: $name) }', variables);
  return data.residentIdsByName;
}

export async function partyMembers(ctx: Context, { filter, orderBy, ...page }: QueryPartyMembersArgs) {
  const f = filter ?? {};
  const organizationId = optionalId(f.organizationId, 'filter.organizationId');
  const joinedFrom = optionalDate(f.joinedFrom, 'filter.joinedFrom');
  const joinedTo = optionalDate(f.joinedTo, 'filter.joinedTo');
  const orgs = organizationId && f.includeDescendants ? trusted({ $in: await subtreeIds(ctx.models, organizationId) }) : organizationId;
  const residentIds = f.name != null ? await residentsNamed(ctx, f.name) : undefined;
  const residentId = residentIds && (residentIds.length === 1 ? residentIds[0] : trusted({ $in: residentIds }));
  const query = clean({ category: f.category ?? undefined, organizationId: orgs, joinedOn: range(joinedFrom, joinedTo), residentId });
  const sorts = { JOINED_ON_ASC: { joinedOn: 1 }, JOINED_ON_DESC: { joinedOn: -1 } } as const;
  return paginate<PartyMemberDoc>(ctx.models.PartyMember, query, pickSort(sorts, orderBy, 'JOINED_ON_ASC'), page);
}

export function dualRegistrations(ctx: Context, { filter, orderBy, ...page }: QueryDualRegistrationsArgs) {
  const f = filter ?? {};
  const query = clean({
    memberId: optionalId(f.memberId, 'filter.memberId'),
    communityId: optionalId(f.communityId, 'filter.communityId'),
    workUnit: f.workUnit ?? undefined,
    reportedOn: range(optionalDate(f.reportedFrom, 'filter.reportedFrom'), optionalDate(f.reportedTo, 'filter.reportedTo')),
  });
  const sorts = { REPORTED_ON_ASC: { reportedOn: 1 }, REPORTED_ON_DESC: { reportedOn: -1 } } as const;
  return paginate<DualRegistrationDoc>(ctx.models.DualRegistration, query, pickSort(sorts, orderBy, 'REPORTED_ON_DESC'), page);
}

export function servicePosts(ctx: Context, { filter, orderBy, ...page }: QueryServicePostsArgs) {
  const f = filter ?? {};
  const query = clean({ kind: f.kind ?? undefined, gridId: optionalId(f.gridId, 'filter.gridId'), organizationId: optionalId(f.organizationId, 'filter.organizationId') });
  return paginate<ServicePostDoc>(ctx.models.ServicePost, query, pickSort(NAME, orderBy, 'NAME_ASC'), page);
}

export function serviceActivities(ctx: Context, { filter, orderBy, ...page }: QueryServiceActivitiesArgs) {
  const f = filter ?? {};
  const query = clean({ memberId: optionalId(f.memberId, 'filter.memberId'), kind: f.kind ?? undefined, year: f.year == null ? undefined : requireYear(f.year, 'filter.year') });
  const sorts = { DATE_ASC: { date: 1 }, DATE_DESC: { date: -1 } } as const;
  return paginate<ServiceActivityDoc>(ctx.models.ServiceActivity, query, pickSort(sorts, orderBy, 'DATE_DESC'), page);
}

/** In-service members not in the set that met the quota; each node carries what is missing (batched by a loader). */
export async function quotaShortfalls(ctx: Context, args: QueryQuotaShortfallsArgs) {
  const year = requireYear(args.year);
  const organizationId = optionalId(args.organizationId, 'organizationId');
  const met = await membersMeetingQuota(ctx.models, year);
  const query = clean({
    category: 'IN_SERVICE',
    organizationId: organizationId ? trusted({ $in: await subtreeIds(ctx.models, organizationId) }) : undefined,
    _id: met.length ? trusted({ $nin: met }) : undefined,
  });
  const page = await paginate<PartyMemberDoc>(ctx.models.PartyMember, query, { _id: 1 }, args);
  return {
    ...page,
    edges: page.edges.map(({ cursor, node }) => ({ cursor, node: { member: node, year } })),
  };
}

export function microWishes(ctx: Context, { filter, orderBy, ...page }: QueryMicroWishesArgs) {
  const f = filter ?? {};
  const query = clean({
    status: f.status ?? undefined,
    organizationId: optionalId(f.organizationId, 'filter.organizationId'),
    claimedById: optionalId(f.claimedById, 'filter.claimedById'),
    dueOn: range(undefined, optionalDate(f.dueBefore, 'filter.dueBefore')),
  });
  const sorts = { DUE_ON_ASC: { dueOn: 1 }, DUE_ON_DESC: { dueOn: -1 }, PUBLISHED_ON_DESC: { publishedOn: -1 } } as const;
  // A resident sees only their own wishes (the kit's scopeFilter), totals included.
  return paginate<MicroWishDoc>(ctx.models.MicroWish, andFilters(query, ctx.scopeFilter('MicroWish')), pickSort(sorts, orderBy, 'DUE_ON_ASC'), page);
}

export function pointEntries(ctx: Context, { filter, orderBy, ...page }: QueryPointEntriesArgs) {
  const f = filter ?? {};
  const query = clean({
    memberId: optionalId(f.memberId, 'filter.memberId'),
    month: f.month == null ? undefined : requireMonth(f.month, 'filter.month'),
    sourceType: f.sourceType ?? undefined,
  });
  const sorts = { MONTH_ASC: { month: 1 }, MONTH_DESC: { month: -1 } } as const;
  return paginate<PointEntryDoc>(ctx.models.PointEntry, query, pickSort(sorts, orderBy, 'MONTH_DESC'), page);
}

export function awardNominations(ctx: Context, { filter, ...page }: QueryAwardNominationsArgs) {
  const f = filter ?? {};
  const query = clean({
    quarter: f.quarter == null ? undefined : requireQuarter(f.quarter, 'filter.quarter'),
    branchId: optionalId(f.branchId, 'filter.branchId'),
    memberId: optionalId(f.memberId, 'filter.memberId'),
  });
  return paginate<AwardNominationDoc>(ctx.models.AwardNomination, query, { quarter: -1, branchId: 1, slot: 1 }, page);
}

export async function branchesWithoutNomination(ctx: Context, args: QueryBranchesWithoutNominationArgs) {
  const quarter = requireQuarter(args.quarter);
  const named = (await ctx.models.AwardNomination.distinct('branchId', { quarter })) as string[];
  return paginate<PartyOrganizationDoc>(ctx.models.PartyOrganization, { level: 'BRANCH', _id: trusted({ $nin: named }) }, { name: 1 }, args);
}

export function jointBuildingUnits(ctx: Context, { filter, orderBy, ...page }: QueryJointBuildingUnitsArgs) {
  const f = filter ?? {};
  const query = clean({ organizationId: optionalId(f.organizationId, 'filter.organizationId'), kind: f.kind ?? undefined, services: f.service ?? undefined });
  return paginate<JointBuildingUnitDoc>(ctx.models.JointBuildingUnit, query, pickSort(NAME, orderBy, 'NAME_ASC'), page);
}

export function liaisonAssignments(ctx: Context, { filter, orderBy, ...page }: QueryLiaisonAssignmentsArgs) {
  const f = filter ?? {};
  const query = clean({
    kind: f.kind ?? undefined,
    communityId: optionalId(f.communityId, 'filter.communityId'),
    organizationId: optionalId(f.organizationId, 'filter.organizationId'),
  });
  const sorts = { START_ON_ASC: { startOn: 1 }, START_ON_DESC: { startOn: -1 } } as const;
  return paginate<LiaisonAssignmentDoc>(ctx.models.LiaisonAssignment, query, pickSort(sorts, orderBy, 'START_ON_DESC'), page);
}
