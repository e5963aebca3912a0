import { assertId, badInput, paginate, requireOrder, trusted, type PageArgs } from '@cg/kit';
import type { Context } from './context';
import { beijingDayStart, beijingNextDayStart, escapeRegex, optionalDate } from './dates';
import type { EstateDoc } from './models/Estate';

/**
 * Filters and sort orders of the property lists, each served by an index declared beside its model. Every id in
 * a filter is checked for shape; every operator the code builds is `trusted`.
 */
type Filter = Record<string, unknown>;
type Sort = Record<string, 1 | -1>;

const id = (value: string | null | undefined, field: string) => (value == null ? undefined : assertId(value, field));
const compact = (filter: Filter): Filter => Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
function contains(text: string | null | undefined, field: string) {
  if (text == null || text === '') return undefined;
  if (text.length > 50) throw badInput(`${field} is longer than 50 characters`, { field });
  return trusted({ $regex: escapeRegex(text) });
}

export const SORTS = {
  company: { NAME_ASC: { name: 1 }, NAME_DESC: { name: -1, _id: -1 } },
  estate: { NAME_ASC: { name: 1 }, NAME_DESC: { name: -1, _id: -1 } },
  building: { NUMBER_ASC: { number: 1 }, NUMBER_DESC: { number: -1, _id: -1 } },
  committee: { TERM_START_DESC: { termStart: -1, _id: -1 }, TERM_START_ASC: { termStart: 1 }, NAME_ASC: { name: 1 } },
  crossAppointment: { START_ON_DESC: { startOn: -1, _id: -1 }, START_ON_ASC: { startOn: 1 } },
  // RATING_DESC lists rated orders only: a keyset cursor cannot step from a rating to a missing one.
  serviceOrder: { ORDERED_AT_DESC: { orderedAt: -1, _id: -1 }, ORDERED_AT_ASC: { orderedAt: 1 }, RATING_DESC: { rating: -1, orderedAt: -1, _id: -1 } },
  patrol: { DATE_DESC: { date: -1, _id: -1 }, DATE_ASC: { date: 1 } },
} satisfies Record<string, Record<string, Sort>>;

export const pick = <T extends Record<string, Sort>>(sorts: T, key: string | null | undefined, fallback: keyof T): Sort =>
  sorts[(key ?? fallback) as keyof T] ?? sorts[fallback]!;

export const companyFilter = (f: { isFallbackProvider?: boolean | null; nameContains?: string | null } = {}) =>
  compact({ isFallbackProvider: f.isFallbackProvider ?? undefined, name: contains(f.nameContains, 'nameContains') });

export function estateFilter(f: { communityId?: string | null; propertyCompanyId?: string | null; managed?: boolean | null; nameContains?: string | null } = {}) {
  const companyId = id(f.propertyCompanyId, 'propertyCompanyId');
  const managed = f.managed == null ? undefined : f.managed ? trusted({ $ne: null }) : null;
  if (companyId && f.managed === false) throw badInput('an estate with a company is managed', { field: 'managed' });
  return compact({ communityId: id(f.communityId, 'communityId'), propertyCompanyId: companyId ?? managed, name: contains(f.nameContains, 'nameContains') });
}

export const buildingFilter = (f: { estateId?: string | null; gridId?: string | null } = {}) =>
  compact({ estateId: id(f.estateId, 'estateId'), gridId: id(f.gridId, 'gridId') });

export const unitFilter = (f: { buildingId?: string | null; floor?: number | null } = {}) =>
  compact({ buildingId: id(f.buildingId, 'buildingId'), floor: f.floor ?? undefined });

/** Records whose [start, end] period (end open when missing) includes `day`. */
function activeOn(day: string | undefined, startField: string, endField: string, endRequired: boolean): Filter {
  if (!day) return {};
  const end = endRequired ? trusted({ $gte: day }) : undefined;
  return endRequired
    ? { [startField]: trusted({ $lte: day }), [endField]: end }
    : { [startField]: trusted({ $lte: day }), $or: trusted([{ [endField]: null }, { [endField]: { $gte: day } }]) };
}

export const committeeFilter = (f: { estateId?: string | null; kind?: string | null; activeOn?: string | null } = {}) =>
  compact({ estateId: id(f.estateId, 'estateId'), kind: f.kind ?? undefined, ...activeOn(optionalDate(f.activeOn, 'activeOn'), 'termStart', 'termEnd', true) });

export const crossAppointmentFilter = (f: { communityId?: string | null; propertyCompanyId?: string | null; direction?: string | null; activeOn?: string | null } = {}) =>
  compact({
    communityId: id(f.communityId, 'communityId'),
    propertyCompanyId: id(f.propertyCompanyId, 'propertyCompanyId'),
    direction: f.direction ?? undefined,
    ...activeOn(optionalDate(f.activeOn, 'activeOn'), 'startOn', 'endOn', false),
  });

interface ServiceOrderFilterInput {
  status?: string[] | null;
  category?: string | null;
  estateId?: string | null;
  propertyCompanyId?: string | null;
  reporterId?: string | null;
  unitId?: string | null;
  orderedFrom?: string | null;
  orderedTo?: string | null;
}

/** Date range in Beijing days over the stored UTC instants. */
export function serviceOrderFilter(f: ServiceOrderFilterInput = {}, orderBy?: string | null) {
  const from = optionalDate(f.orderedFrom, 'orderedFrom');
  const to = optionalDate(f.orderedTo, 'orderedTo');
  if (from && to) requireOrder(from, to, ['orderedFrom', 'orderedTo']);
  const orderedAt = from || to ? trusted({ ...(from ? { $gte: beijingDayStart(from) } : {}), ...(to ? { $lt: beijingNextDayStart(to) } : {}) }) : undefined;
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

export function patrolFilter(f: { estateId?: string | null; gridId?: string | null; dateFrom?: string | null; dateTo?: string | null; hasOpenIssues?: boolean | null } = {}) {
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

/** A connection resolver: filter and sort from the arguments, then the kit's keyset page. */
export const page = (model: keyof Context['models'], filter: Filter, sort: Sort, args: PageArgs, ctx: Context) =>
  paginate(ctx.models[model] as any, filter, sort, { first: args.first, after: args.after });

/** 巡查覆盖: estates (of a community or company) without a patrol on `date`: one `distinct`, one `find`. */
export async function patrolCoverage(ctx: Context, args: { date: string; communityId?: string | null; propertyCompanyId?: string | null }) {
  const date = optionalDate(args.date, 'date')!;
  const estates = (await ctx.models.Estate.find(estateFilter({ communityId: args.communityId, propertyCompanyId: args.propertyCompanyId })).sort({ name: 1, _id: 1 }).lean()) as EstateDoc[];
  const patrolled = new Set((await ctx.models.EstatePatrol.distinct('estateId', { date, estateId: trusted({ $in: estates.map((e) => e._id) }) })).map(String));
  return { date, estateCount: estates.length, patrolledCount: patrolled.size, unpatrolledEstates: estates.filter((e) => !patrolled.has(e._id)) };
}
