import { andFilters, assertId, fetchById, paginate, requireNonBlank, trusted } from '@cg/kit';
import type { Context } from '../context';
import type { QueryResolvers } from '../generated/resolvers-types';
import { residentByIdNumber, residentIdsByName, residentsByPhone } from '../lookups';
import { dateRange, gridSubtree, overdueFilter, residentFilter, residentSort } from '../lists';
import type { CareProfileDoc } from '../models/CareProfile';
import type { AssistanceRecordDoc } from '../models/AssistanceRecord';
import type { DisputeDoc } from '../models/Dispute';
import type { GridDoc } from '../models/Grid';
import type { HouseholdDoc } from '../models/Household';
import type { ProxyServiceDoc } from '../models/ProxyService';
import type { ResidentDoc } from '../models/Resident';
import type { VisitDoc } from '../models/Visit';
import { scopeStatistics } from './ScopeStatistics';

type Filter = Record<string, unknown>;

/** Equality filters on plain fields (enums, ids) from a GraphQL filter input; ids are shape-checked. */
function equalities(input: object | null | undefined, fields: string[], idFields: string[] = []): Filter {
  const filter: Filter = {};
  for (const field of [...fields, ...idFields]) {
    const value = (input as Record<string, unknown> | null | undefined)?.[field];
    if (value != null) filter[field] = idFields.includes(field) ? assertId(value, field) : value;
  }
  return filter;
}

/** A grid filter covers the grid and every building/entrance node below it. */
const gridScope = async (ctx: Context, gridId: string | null | undefined): Promise<Filter> =>
  gridId == null ? {} : { gridId: trusted({ $in: await gridSubtree(ctx.models, gridId) }) };

export const Query = {
  statistics: (_, { scope, id, from, to }, ctx) => scopeStatistics(ctx, scope, id, from, to),
  communities: (_, __, { models }) => models.Community.find().sort({ name: 1 }).lean().exec(),
  community: fetchById((ctx: Context) => ctx.loaders.community),
  grids: (_, { filter, ...page }, { models }) => {
    const where = equalities(filter, [], ['communityId', 'parentId']);
    // Grids from before the four-level chain have no level: they are GRID nodes.
    if (filter?.level) where.level = filter.level === 'GRID' ? trusted({ $in: ['GRID', null] }) : filter.level;
    return paginate<GridDoc>(models.Grid, where, { code: 1 }, page);
  },
  grid: fetchById((ctx: Context) => ctx.loaders.grid),
  // Lists of scoped types filter by the caller's scope in the database, so totals count only rows the caller may see.
  households: async (_, { filter, ...page }, ctx) =>
    paginate<HouseholdDoc>(ctx.models.Household, andFilters(equalities(filter, ['tenure'], ['communityId', 'gridId']), ctx.scopeFilter('Household')), { fileNumber: 1 }, page),
  household: fetchById((ctx: Context) => ctx.loaders.household),
  householdByFileNumber: (_, { fileNumber }, { models }) =>
    models.Household.findOne({ fileNumber: requireNonBlank(fileNumber, 'fileNumber', 40) })
      .lean()
      .exec(),
  residents: async (_, { filter, sort, ...page }, ctx) =>
    paginate<ResidentDoc>(ctx.models.Resident, andFilters(await residentFilter(ctx.models, filter ?? {}), ctx.scopeFilter('Resident')), residentSort(sort), page),
  resident: fetchById((ctx: Context) => ctx.loaders.resident),
  residentByIdNumber: (_, { idNumber }, ctx) => residentByIdNumber(ctx, idNumber),
  residentsByPhone: (_, { phone, ...page }, ctx) => residentsByPhone(ctx, phone, page),
  residentIdsByName: (_, { name }, ctx) => residentIdsByName(ctx, name),

  // SENSITIVE (敏感个人信息) from here to overdueVisits.
  assistanceRecords: async (_, { filter, ...page }, ctx) =>
    paginate<AssistanceRecordDoc>(
      ctx.models.AssistanceRecord,
      andFilters({ ...equalities(filter, ['kind', 'status'], ['residentId']), ...(await gridScope(ctx, filter?.gridId)) }, ctx.scopeFilter('AssistanceRecord')),
      { startDate: -1 },
      page,
    ),
  careProfiles: async (_, { filter, ...page }, ctx) => {
    const where: Filter = { ...equalities(filter, [], ['communityId']), ...(await gridScope(ctx, filter?.gridId)) };
    if (filter?.flag) where.flags = filter.flag;
    if (filter?.group) where.groups = filter.group;
    return paginate<CareProfileDoc>(ctx.models.CareProfile, andFilters(where, ctx.scopeFilter('CareProfile')), { residentId: 1 }, page);
  },
  // Each profile carries the date asked about, so daysOverdue answers for that date.
  overdueVisits: async (_, { first, after, ...args }, ctx) => {
    const { filter, asOf } = await overdueFilter(ctx.models, args);
    const page = await paginate<CareProfileDoc>(ctx.models.CareProfile, andFilters(filter, ctx.scopeFilter('CareProfile')), { nextVisitDue: 1 }, { first, after });
    return { ...page, edges: page.edges.map((edge) => ({ ...edge, node: { ...edge.node, asOf } })) };
  },

  visits: async (_, { filter, ...page }, ctx) =>
    paginate<VisitDoc>(
      ctx.models.Visit,
      andFilters(
        { ...equalities(filter, [], ['residentId']), ...(await gridScope(ctx, filter?.gridId)), ...dateRange('visitedOn', filter?.from, filter?.to) },
        ctx.scopeFilter('Visit'),
      ),
      { visitedOn: -1 },
      page,
    ),
  proxyServices: async (_, { filter, ...page }, ctx) =>
    paginate<ProxyServiceDoc>(
      ctx.models.ProxyService,
      andFilters({ ...equalities(filter, ['item', 'channel', 'status'], ['residentId']), ...(await gridScope(ctx, filter?.gridId)) }, ctx.scopeFilter('ProxyService')),
      { requestedOn: -1 },
      page,
    ),
  disputes: async (_, { filter, ...page }, ctx) => {
    const where: Filter = { ...equalities(filter, ['category', 'status']), ...(await gridScope(ctx, filter?.gridId)) };
    if (filter?.residentId != null) where.residentIds = assertId(filter.residentId, 'residentId');
    return paginate<DisputeDoc>(ctx.models.Dispute, andFilters(where, ctx.scopeFilter('Dispute')), { reportedOn: -1 }, page);
  },
  civilityPointsAccount: (_, { residentId }, { loaders }) => loaders.pointsAccountByResident.load(assertId(residentId, 'residentId')),
} satisfies QueryResolvers;
