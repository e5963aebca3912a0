/** Turns GraphQL list filters into Mongo filters; every operator the code builds is `trusted`. */
import { assertId, badInput, escapeRegex, requireDate, requireNonBlank, requireRange, trusted, todayInChina, yearsBefore, type SortSpec } from '@cg/kit';
import type { QueryOverdueVisitsArgs, ResidentFilter, ResidentSort, ResidentSortField } from './generated/resolvers-types';
import type { Models } from './models';
import type { GridDoc } from './models/Grid';

type Filter = Record<string, unknown>;

/** Ids of every grid node of a community (all levels), for filters on records that store a grid id. */
async function gridIdsOfCommunity(models: Models, communityId: unknown): Promise<string[]> {
  const ids = await models.Grid.find({ communityId: assertId(communityId, 'communityId') }, { _id: 1 }).lean();
  return ids.map((g) => String(g._id));
}

/** A grid and every node below it, so a filter on a grid also covers its buildings and entrances. */
export async function gridSubtree(models: Models, gridId: unknown, field = 'gridId'): Promise<string[]> {
  const id = assertId(gridId, field);
  const below = await models.Grid.find({ ancestorIds: id }, { _id: 1 }).lean();
  return [id, ...below.map((g) => String(g._id))];
}

/** Residents of a grid node: a top-level grid's by their own gridId, a building's or entrance's through its households. */
export async function residentsOfGrid(models: Models, grid: Pick<GridDoc, '_id' | 'level'>): Promise<Filter> {
  if (!grid.level || grid.level === 'GRID') return { gridId: grid._id };
  const households = await models.Household.find({ subGridIds: grid._id }, { _id: 1 }).lean();
  return { householdId: trusted({ $in: households.map((h) => String(h._id)) }) };
}

export async function residentFilter(models: Models, input: ResidentFilter = {}): Promise<Filter> {
  const and: Filter[] = [];
  if (input.gridId != null) {
    // Residents carry their top-level grid; a building/entrance node is reached through its households.
    const grid = await models.Grid.findById(assertId(input.gridId, 'gridId')).lean();
    and.push(grid ? await residentsOfGrid(models, grid) : { gridId: input.gridId });
  }
  if (input.communityId != null) and.push({ gridId: trusted({ $in: await gridIdsOfCommunity(models, input.communityId) }) });
  if (input.householdId != null) and.push({ householdId: assertId(input.householdId, 'householdId') });
  if (input.namePrefix != null) {
    const prefix = requireNonBlank(input.namePrefix, 'namePrefix', 20);
    and.push({ name: trusted({ $regex: `^${escapeRegex(prefix)}` }) });
  }
  if (input.minAge != null || input.maxAge != null || input.asOf != null) {
    const asOf = input.asOf != null ? requireDate(input.asOf, 'asOf') : todayInChina();
    const birth: Filter = {};
    // age ≥ min ⇔ born on or before asOf − min years; age ≤ max ⇔ born after asOf − (max + 1) years.
    if (input.minAge != null) birth.$lte = yearsBefore(asOf, requireRange(input.minAge, 'minAge', 0, 150));
    if (input.maxAge != null) birth.$gt = yearsBefore(asOf, requireRange(input.maxAge, 'maxAge', 0, 150) + 1);
    if (input.minAge != null && input.maxAge != null && input.minAge > input.maxAge) throw badInput('minAge must not be above maxAge', { field: 'maxAge' });
    if (Object.keys(birth).length) and.push({ birthDate: trusted(birth) });
  }
  if (input.sex != null) and.push({ sex: input.sex });
  if (input.residency === 'FLOATING') and.push({ residency: 'FLOATING' });
  // Registered is the default (a resident without residency is registered). `$in` with null, unlike `$ne`, is a
  // filter the embedded database applies exactly in SQL, so its totals and pages need not read every resident.
  if (input.residency === 'REGISTERED') and.push({ residency: trusted({ $in: ['REGISTERED', null] }) });
  if (input.vulnerabilities != null) {
    if (input.vulnerabilities.length === 0) throw badInput('vulnerabilities must name at least one flag', { field: 'vulnerabilities' });
    const profiles = await models.CareProfile.find({ flags: trusted({ $in: input.vulnerabilities }) }, { residentId: 1 }).lean();
    and.push({ _id: trusted({ $in: profiles.map((p) => p.residentId) }) });
  }
  return and.length === 0 ? {} : and.length === 1 ? and[0]! : { $and: and };
}

const SORT_FIELDS: Record<ResidentSortField, string> = { NAME: 'name', BIRTH_DATE: 'birthDate', ID_NUMBER: 'idNumber' };

export function residentSort(sort?: ResidentSort | null): SortSpec {
  if (!sort) return { name: 1 };
  return { [SORT_FIELDS[sort.field]]: sort.direction === 'DESC' ? -1 : 1 };
}

/** Overdue required visits: due strictly before `asOf`, optionally in one grid subtree, community or group. */
export async function overdueFilter(models: Models, args: Omit<QueryOverdueVisitsArgs, 'first' | 'after'>): Promise<{ filter: Filter; asOf: string }> {
  const asOf = args.asOf != null ? requireDate(args.asOf, 'asOf') : todayInChina();
  const filter: Filter = { nextVisitDue: trusted({ $lt: asOf }) };
  if (args.gridId != null) filter.gridId = trusted({ $in: await gridSubtree(models, args.gridId) });
  if (args.communityId != null) filter.communityId = assertId(args.communityId, 'communityId');
  if (args.group != null) filter.groups = args.group;
  return { filter, asOf };
}

/** Inclusive date range on `field`, both ends optional and in order. */
export function dateRange(field: string, from?: string | null, to?: string | null): Filter {
  const range: Filter = {};
  if (from != null) range.$gte = requireDate(from, 'from');
  if (to != null) range.$lte = requireDate(to, 'to');
  if (from != null && to != null && from > to) throw badInput('from must not be after to', { field: 'to' });
  return Object.keys(range).length ? { [field]: trusted(range) } : {};
}
