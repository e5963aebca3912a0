import { assertId, badInput, requireDate, requireNonBlank, trusted } from '@cg/kit';
import { containsPattern, requireEnum } from './input';
import { APPLICATION_STATUSES, COURSE_CATEGORIES, EMPLOYER_KINDS, WELFARE_POST_KINDS, WELFARE_POST_STATUSES } from './models/enums';

/** Query filters of the list fields: every value checked, every operator built here (hence trusted). */

type Filter = Record<string, unknown>;
type Input = Record<string, any> | null | undefined;

export const POSTING_SORTS: Record<string, Record<string, 1 | -1>> = {
  POSTED_NEWEST: { postedOn: -1 },
  POSTED_OLDEST: { postedOn: 1 },
  WAGE_HIGHEST: { monthlyWage: -1 },
  WAGE_LOWEST: { monthlyWage: 1 },
};

export const COURSE_SORTS: Record<string, Record<string, 1 | -1>> = {
  STARTS_SOONEST: { startsOn: 1 },
  STARTS_LATEST: { startsOn: -1 },
};

export const sortOf = (sorts: Record<string, Record<string, 1 | -1>>, value: string | null | undefined, fallback: string) =>
  sorts[value ?? fallback] ?? (() => { throw badInput(`sort must be one of ${Object.keys(sorts).join(', ')}`, { field: 'sort' }); })();

export function employerFilter(filter: Input): Filter {
  const query: Filter = {};
  if (filter?.kind != null) query.kind = requireEnum(filter.kind, EMPLOYER_KINDS, 'filter.kind');
  if (filter?.nameContains) query.name = containsPattern(requireNonBlank(filter.nameContains, 'filter.nameContains', 50));
  return query;
}

export function applicationFilter(filter: Input): Filter {
  const query: Filter = {};
  if (filter?.status != null) query.status = requireEnum(filter.status, APPLICATION_STATUSES, 'filter.status');
  if (filter?.postingId != null) query.postingId = assertId(filter.postingId, 'filter.postingId');
  if (filter?.residentId != null) query.residentId = assertId(filter.residentId, 'filter.residentId');
  return query;
}

export function courseFilter(filter: Input): Filter {
  const query: Filter = {};
  if (filter?.category != null) query.category = requireEnum(filter.category, COURSE_CATEGORIES, 'filter.category');
  const range: Record<string, string> = {};
  if (filter?.startsFrom != null) range.$gte = requireDate(filter.startsFrom, 'filter.startsFrom');
  if (filter?.startsTo != null) range.$lte = requireDate(filter.startsTo, 'filter.startsTo');
  if (range.$gte && range.$lte && range.$gte > range.$lte) throw badInput('filter.startsFrom must not be after filter.startsTo', { field: 'filter.startsTo' });
  if (Object.keys(range).length) query.startsOn = trusted(range);
  if (filter?.hasSeats === true) query.seatsLeft = trusted({ $gt: 0 });
  if (filter?.hasSeats === false) query.seatsLeft = 0;
  return query;
}

export function welfarePostFilter(filter: Input): Filter {
  const query: Filter = {};
  if (filter?.kind != null) query.kind = requireEnum(filter.kind, WELFARE_POST_KINDS, 'filter.kind');
  if (filter?.status != null) query.status = requireEnum(filter.status, WELFARE_POST_STATUSES, 'filter.status');
  if (filter?.fundId != null) query.fundId = assertId(filter.fundId, 'filter.fundId');
  return query;
}
