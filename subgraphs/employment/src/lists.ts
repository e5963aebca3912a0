import { assertId, badInput, requireDate, requireEnum, requireNonBlank, trusted, type SortSpec } from '@cg/kit';
import type {
  EmployerFilter,
  JobApplicationFilter,
  JobPostingFilter,
  JobPostingSort,
  TrainingCourseFilter,
  TrainingCourseSort,
  WelfarePostFilter,
} from './generated/resolvers-types';
import { containsPattern, requireInt } from './inputs';
import { APPLICATION_STATUSES, COURSE_CATEGORIES, EMPLOYER_KINDS, POSTING_STATUSES, WELFARE_POST_KINDS, WELFARE_POST_STATUSES } from './models/enums';

/** Query filters of the list fields: every value checked, every operator built here (hence trusted). */

type Filter = Record<string, unknown>;

export const POSTING_SORTS: Record<JobPostingSort, SortSpec> = {
  POSTED_NEWEST: { postedOn: -1 },
  POSTED_OLDEST: { postedOn: 1 },
  WAGE_HIGHEST: { monthlyWage: -1 },
  WAGE_LOWEST: { monthlyWage: 1 },
};

export const COURSE_SORTS: Record<TrainingCourseSort, SortSpec> = {
  STARTS_SOONEST: { startsOn: 1 },
  STARTS_LATEST: { startsOn: -1 },
};

export function employerFilter(filter: EmployerFilter | null | undefined): Filter {
  const query: Filter = {};
  if (filter?.kind != null) query.kind = requireEnum(filter.kind, EMPLOYER_KINDS, 'filter.kind');
  if (filter?.nameContains) query.name = containsPattern(requireNonBlank(filter.nameContains, 'filter.nameContains', 50));
  return query;
}

export function applicationFilter(filter: JobApplicationFilter | null | undefined): Filter {
  const query: Filter = {};
  if (filter?.status != null) query.status = requireEnum(filter.status, APPLICATION_STATUSES, 'filter.status');
  if (filter?.postingId != null) query.postingId = assertId(filter.postingId, 'filter.postingId');
  if (filter?.residentId != null) query.residentId = assertId(filter.residentId, 'filter.residentId');
  return query;
}

export function courseFilter(filter: TrainingCourseFilter | null | undefined): Filter {
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

export function welfarePostFilter(filter: WelfarePostFilter | null | undefined): Filter {
  const query: Filter = {};
  if (filter?.kind != null) query.kind = requireEnum(filter.kind, WELFARE_POST_KINDS, 'filter.kind');
  if (filter?.status != null) query.status = requireEnum(filter.status, WELFARE_POST_STATUSES, 'filter.status');
  if (filter?.fundId != null) query.fundId = assertId(filter.fundId, 'filter.fundId');
  return query;
}

/** The query filter of `jobPostings`; every value checked, operators built here (trusted). */
export function postingFilter(filter: JobPostingFilter = {}): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  if (filter.status != null) query.status = requireEnum(filter.status, POSTING_STATUSES, 'filter.status');
  if (filter.employerId != null) query.employerId = assertId(filter.employerId, 'filter.employerId');
  if (filter.titleContains) query.title = containsPattern(requireNonBlank(filter.titleContains, 'filter.titleContains', 50));
  const wage: Record<string, number> = {};
  if (filter.minWage != null) wage.$gte = requireInt(filter.minWage, 'filter.minWage', 0, 1_000_000);
  if (filter.maxWage != null) wage.$lte = requireInt(filter.maxWage, 'filter.maxWage', 0, 1_000_000);
  if (wage.$gte != null && wage.$lte != null && wage.$gte > wage.$lte) {
    throw badInput('filter.minWage must not exceed filter.maxWage', { field: 'filter.maxWage' });
  }
  if (Object.keys(wage).length) query.monthlyWage = trusted(wage);
  return query;
}
