import { badInput, chinaDayStart, chinaNextDayStart, escapeRegex, optionalDate, optionalId as id, requireOrder, trusted, type SortSpec } from '@cg/kit';
import type { Context } from './context';
import type {
  BuildingFilter,
  BuildingOrder,
  CrossAppointmentFilter,
  CrossAppointmentOrder,
  EstateFilter,
  EstateOrder,
  EstatePatrolFilter,
  EstatePatrolOrder,
  OwnersCommitteeFilter,
  OwnersCommitteeOrder,
  PropertyCompanyFilter,
  PropertyCompanyOrder,
  QueryPatrolCoverageArgs,
  ServiceOrderFilter,
  ServiceOrderOrder,
  UnitFilter,
} from './generated/resolvers-types';
import type { EstateDoc } from './models/Estate';

/**
 * Filters and sort orders of the property lists, each served by an index declared beside its model. Every id in
 * a filter is checked for shape; every operator the code builds is `trusted`.
 */
type Filter = Record<string, unknown>;

const compact = (filter: Filter): Filter => Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
function contains(text: string | null | undefined, field: string) {
  if (text == null || text === '') return undefined;
  if (text.length > 50) throw badInput(`${field} is longer than 50 characters`, { field });
  return trusted({ $regex: escapeRegex(text) });
}

export const SORTS: {
  company: Record<PropertyCompanyOrder, SortSpec>;
  estate: Record<EstateOrder, SortSpec>;
  building: Record<BuildingOrder, SortSpec>;
  committee: Record<OwnersCommitteeOrder, SortSpec>;
  crossAppointment: Record<CrossAppointmentOrder, SortSpec>;
  serviceOrder: Record<ServiceOrderOrder, SortSpec>;
  patrol: Record<EstatePatrolOrder, SortSpec>;
} = {
  company: { NAME_ASC: { name: 1 }, NAME_DESC: { name: -1, _id: -1 } },
  estate: { NAME_ASC: { name: 1 }, NAME_DESC: { name: -1, _id: -1 } },
  building: { NUMBER_ASC: { number: 1 }, NUMBER_DESC: { number: -1, _id: -1 } },
  committee: { TERM_START_DESC: { termStart: -1, _id: -1 }, TERM_START_ASC: { termStart: 1 }, NAME_ASC: { name: 1 } },
  crossAppointment: { START_ON_DESC: { startOn: -1, _id: -1 }, START_ON_ASC: { startOn: 1 } },
  // RATING_DESC lists rated orders only: a keyset cursor cannot step from a rating to a missing one.
  serviceOrder: { ORDERED_AT_DESC: { orderedAt: -1, _id: -1 }, ORDERED_AT_ASC: { orderedAt: 1 }, RATING_DESC: { rating: -1, orderedAt: -1, _id: -1 } },
  patrol: { DATE_DESC: { date: -1, _id: -1 }, DATE_ASC: { date: 1 } },
};

export const companyFilter = (f: PropertyCompanyFilter = {}) => compact({ isFallbackProvider: f.isFallbackProvider ?? undefined, name: contains(f.nameContains, 'nameContains') });

export function estateFilter(f: EstateFilter = {}) {
  const companyId = id(f.propertyCompanyId, 'propertyCompanyId');
  const managed = f.managed == null ? undefined : f.managed ? trusted({ $ne: null }) : null;
  if (companyId && f.managed === false) throw badInput('an estate with a company is managed', { field: 'managed' });
  return compact({ communityId: id(f.communityId, 'communityId'), propertyCompanyId: companyId ?? managed, name: contains(f.nameContains, 'nameContains') });
}

export const buildingFilter = (f: BuildingFilter = {}) => compact({ estateId: id(f.estateId, 'estateId'), gridId: id(f.gridId, 'gridId') });

export const unitFilter = (f: UnitFilter = {}) => compact({ buildingId: id(f.buildingId, 'buildingId'), floor: f.floor ?? undefined });

/** Records whose [start, end] period (end open when missing) includes `day`. */
function activeOn(day: string | undefined, startField: string, endField: string, endRequired: boolean): Filter {
  if (!day) return {};
  const end = endRequired ? trusted({ $gte: day }) : undefined;
  return endRequired
    ? { [startField]: trusted({ $lte: day }), [endField]: end }
    : { [startField]: trusted({ $lte: day }), $or: trusted([{ [endField]: null }, { [endField]: { $gte: day } }]) };
}

export const committeeFilter = (f: OwnersCommitteeFilter = {}) =>
  compact({ estateId: id(f.estateId, 'estateId'), kind: f.kind ?? undefined, ...activeOn(optionalDate(f.activeOn, 'activeOn'), 'termStart', 'termEnd', true) });

export const crossAppointmentFilter = (f: CrossAppointmentFilter = {}) =>
  compact({
    communityId: id(f.communityId, 'communityId'),
    propertyCompanyId: id(f.propertyCompanyId, 'propertyCompanyId'),
    direction: f.direction ?? undefined,
    ...activeOn(optionalDate(f.activeOn, 'activeOn'), 'startOn', 'endOn', false),
  });

/** Date range in China calendar days over the stored UTC instants. */
export function serviceOrderFilter(f: ServiceOrderFilter = {}, orderBy?: ServiceOrderOrder | null) {
  const from = optionalDate(f.orderedFrom, 'orderedFrom');
  const to = optionalDate(f.orderedTo, 'orderedTo');
  if (from && to) requireOrder(from, to, ['orderedFrom', 'orderedTo']);
  const orderedAt = from || to ? trusted({ ...(from ? { $gte: chinaDayStart(from) } : {}), ...(to ? { $lt: chinaNextDayStart(to) } : {}) }) : undefined;
  return compact({
    status: f.status?.length ? trusted({ $in: f.status }) : undefined,
    category: f.category ?? undefined,
    estateId: id(f.estateId, 'estateId'),
    propertyCompanyId: id(f.propertyCompanyId, 'propertyCompanyId'),
    reporterId: id(f.reporterId, 'reporterId'),
    unitId: id(f.unitId, 'unitId'),
    orderedAt,
    rating: orderBy === 'RATING_DESC' ? trusted({ $gte: 1 }) : undefined,
  });
}

export function patrolFilter(f: EstatePatrolFilter = {}) {
  const from = optionalDate(f.dateFrom, 'dateFrom');
  const to = optionalDate(f.dateTo, 'dateTo');
  if (from && to) requireOrder(from, to, ['dateFrom', 'dateTo']);
  return compact({
    estateId: id(f.estateId, 'estateId'),
    gridId: id(f.gridId, 'gridId'),
    date: from || to ? trusted({ ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) }) : undefined,
    openIssueCount: f.hasOpenIssues == null ? undefined : f.hasOpenIssues ? trusted({ $gt: 0 }) : 0,
  });
}

/** 巡查覆盖: estates (of a community or company) without a patrol on `date`: one `distinct`, one `find`. */
export async function patrolCoverage(ctx: Context, args: QueryPatrolCoverageArgs) {
  const date = optionalDate(args.date, 'date')!;
  const estates = (await ctx.models.Estate.find(estateFilter({ communityId: args.communityId, propertyCompanyId: args.propertyCompanyId }))
    .sort({ name: 1, _id: 1 })
    .lean()) as EstateDoc[];
  const patrolled = new Set((await ctx.models.EstatePatrol.distinct('estateId', { date, estateId: trusted({ $in: estates.map((e) => e._id) }) })).map(String));
  return { date, estateCount: estates.length, patrolledCount: patrolled.size, unpatrolledEstates: estates.filter((e) => !patrolled.has(e._id)) };
}
