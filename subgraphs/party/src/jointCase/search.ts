/**
 * Finding cases by date range, urgency, overdue and words of the description. Designed for the embedded FerretDB v1,
 * which applies only top-level equality in SQL: the equality fields (each with an index on (field, submittedAt)) come
 * first, and a search by words must be narrowed by one of them or by a submission range of at most a year, so the
 * rows read in Go stay bounded.
 */
import { badInput, escapeRegex, requireDateTime, trusted } from '@cg/kit';
import type { JointCaseFilter } from '../generated/resolvers-types';
import { ON_THE_CLOCK } from './lifecycle';

type Filter = Record<string, unknown>;
const MAX_TEXT_SPAN_MS = 366 * 24 * 3_600_000;

/** The filters on top of the equality ones: `narrowed` says an equality on an indexed field already bounds the rows. */
export function searchFilter(f: JointCaseFilter, narrowed: boolean, now = new Date()): Filter[] {
  const and: Filter[] = [];
  if (f.urgency) and.push({ urgency: f.urgency });
  const from = f.submittedFrom != null ? requireDateTime(f.submittedFrom, 'filter.submittedFrom') : null;
  const to = f.submittedTo != null ? requireDateTime(f.submittedTo, 'filter.submittedTo') : null;
  if (from && to && from >= to) throw badInput('submittedFrom must be before submittedTo', { field: 'filter.submittedTo' });
  if (from || to) and.push({ submittedAt: trusted({ ...(from ? { $gte: from } : {}), ...(to ? { $lt: to } : {}) }) });
  if (f.overdue === true) and.push({ status: trusted({ $in: [...ON_THE_CLOCK] }), dueAt: trusted({ $lt: now }) });
  if (f.overdue === false) and.push({ $or: [{ status: trusted({ $nin: [...ON_THE_CLOCK] }) }, { dueAt: trusted({ $gte: now }) }] });
  if (f.text != null) {
    const words = f.text.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0 || f.text.length > 50) throw badInput('text must be 1 to 50 characters of words', { field: 'filter.text' });
    const bounded = narrowed || (from && to && to.getTime() - from.getTime() <= MAX_TEXT_SPAN_MS);
    if (!bounded) {
      throw badInput('a search by words needs a community, grid, unit, reporter or category, or a submission range of at most a year', { field: 'filter.text' });
    }
    for (const word of words) and.push({ description: trusted({ $regex: escapeRegex(word), $options: 'i' }) });
  }
  return and;
}
