import { andFilters, assertId, fetchById, paginate, requireIdNumber, requireNonBlank, trusted, type PageArgs } from '@cg/kit';
import type { MustVisitGroup } from '../care';
import type { Context } from '../context';
import { dateRange, gridSubtree, overdueFilter, residentFilter, residentSort } from '../filters';

type Filter = Record<string, unknown>;
type ListArgs<F> = PageArgs & { filter?: F | null };

/** Equality filters on plain fields (enums, ids) from a GraphQL filter input; ids are shape-checked. */
function equalities(input: Record<string, unknown> | null | undefined, fields: string[], idFields: string[] = []): Filter {
  const filter: Filter = {};
  for (const field of [...fields, ...idFields]) {
    const value = input?.[field];
    if (value != null) filter[field] = idFields.includes(field) ? assertId(value, field) : value;
  }
  return filter;
}

/** A grid filter covers the grid and every building/entrance node below it. */
const gridScope = async (ctx: Context, gridId: unknown): Promise<Filter> =>
  gridId == null ? {} : { gridId: trusted({ $in: await gridSubtree(ctx.models, gridId) }) };

export const Query = {
  communities: (_: unknown, __: unknown, { models }: Context) => models.Community.find().sort({ name: 1 }).lean().exec(),
  community: fetchById((ctx: Context) => ctx.loaders.community),
  grids: (_: unknown, { filter, ...page }: ListArgs<any>, { models }: Context) => {
    const where = equalities(filter, [], ['communityId', 'parentId']);
    // Grids from before the four-level chain have no level: they are GRID nodes.
    if (filter?.level) where.level = filter.level === 'GRID' ? trusted({ $in: ['GRID', null] }) : filter.level;
    return paginate(models.Grid, where, { code: 1 }, page);
  },
  grid: fetchById((ctx: Context) => ctx.loaders.grid),
  // Lists of scoped types filter by the caller's scope in the database, so totals count only rows the caller may see.
  households: async (_: unknown, { filter, ...page }: ListArgs<any>, ctx: Context) =>
    paginate(ctx.models.Household, andFilters(equalities(filter, ['tenure'], ['communityId', 'gridId']), ctx.scopeFilter('Household')), { fileNumber: 1 }, page),
  household: fetchById((ctx: Context) => ctx.loaders.household),
  householdByFileNumber: (_: unknown, { fileNumber }: { fileNumber: string }, { models }: Context) =>
    models.Household.findOne({ fileNumber: requireNonBlank(fileNumber, 'fileNumber', 40) }).lean().exec(),
  residents: async (_: unknown, { filter, sort, ...page }: ListArgs<any> & { sort?: any }, ctx: Context) =>
    paginate(ctx.models.Resident, andFilters(await residentFilter(ctx.models, filter ?? {}), ctx.scopeFilter('Resident')), residentSort(sort), page),
  resident: fetchById((ctx: Context) => ctx.loaders.resident),
  residentByIdNumber: (_: unknown, { idNumber }: { idNumber: string }, { models }: Context) =>
    models.Resident.findOne({ idNumber: requireIdNumber(idNumber).idNumber }).lean().exec(),

  // SENSITIVE (敏感个人信息) from here to overdueVisits.
  assistanceRecords: async (_: unknown, { filter, ...page }: ListArgs<any>, ctx: Context) =>
    paginate(ctx.models.AssistanceRecord, andFilters({ ...equalities(filter, ['kind', 'status'], ['residentId']), ...(await gridScope(ctx, filter?.gridId)) }, ctx.scopeFilter('AssistanceRecord')), { startDate: -1 }, page),
  careProfiles: async (_: unknown, { filter, ...page }: ListArgs<any>, ctx: Context) => {
    const where: Filter = { ...equalities(filter, [], ['communityId']), ...(await gridScope(ctx, filter?.gridId)) };
    if (filter?.flag) where.flags = filter.flag;
    if (filter?.group) where.groups = filter.group;
    return paginate(ctx.models.CareProfile, andFilters(where, ctx.scopeFilter('CareProfile')), { residentId: 1 }, page);
  },
  overdueVisits: async (_: unknown, args: PageArgs & { asOf?: string; gridId?: string; communityId?: string; group?: MustVisitGroup }, ctx: Context) => {
    const { filter, asOf } = await overdueFilter(ctx.models, args);
    const page = await paginate<any>(ctx.models.CareProfile, andFilters(filter, ctx.scopeFilter('CareProfile')), { nextVisitDue: 1 }, args);
    for (const edge of page.edges) edge.node.asOf = asOf;
    return page;
  },

  visits: async (_: unknown, { filter, ...page }: ListArgs<any>, ctx: Context) =>
    paginate(ctx.models.Visit, andFilters({ ...equalities(filter, [], ['residentId']), ...(await gridScope(ctx, filter?.gridId)), ...dateRange('visitedOn', filter?.from, filter?.to) }, ctx.scopeFilter('Visit')), { visitedOn: -1 }, page),
  proxyServices: async (_: unknown, { filter, ...page }: ListArgs<any>, ctx: Context) =>
    paginate(ctx.models.ProxyService, andFilters({ ...equalities(filter, ['item', 'channel', 'status'], ['residentId']), ...(await gridScope(ctx, filter?.gridId)) }, ctx.scopeFilter('ProxyService')), { requestedOn: -1 }, page),
  disputes: async (_: unknown, { filter, ...page }: ListArgs<any>, ctx: Context) => {
    const where: Filter = { ...equalities(filter, ['category', 'status']), ...(await gridScope(ctx, filter?.gridId)) };
    if (filter?.residentId != null) where.residentIds = assertId(filter.residentId, 'residentId');
    return paginate(ctx.models.Dispute, andFilters(where, ctx.scopeFilter('Dispute')), { reportedOn: -1 }, page);
  },
  civilityPointsAccount: (_: unknown, { residentId }: { residentId: string }, { loaders }: Context) =>
    loaders.pointsAccountByResident.load(assertId(residentId, 'residentId')),
};

