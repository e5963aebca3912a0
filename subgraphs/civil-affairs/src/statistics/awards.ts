/** Civility awards (文明表彰): granted by a clerk from the points ranking, listed per scope and period. */
import {
  actor,
  badInput,
  chinaDayStart,
  chinaNextDayStart,
  conflict,
  isDuplicateKey,
  optionalText,
  paginate,
  requirePeriod,
  stableId,
  todayInChina,
  trusted,
  type PageArgs,
} from '@cg/kit';
import type { Context } from '../context';
import type { CivilityAwardKind, GrantCivilityAwardInput } from '../generated/resolvers-types';
import type { CivilityAwardDoc } from '../models/CivilityAward';
import { loadResident } from '../registration';
import type { StatisticsScope } from './scope';

/** A month's or year's first and last day. */
function periodDays(period: string): { first: string; last: string } {
  if (period.length === 4) return { first: `${period}-01-01`, last: `${period}-12-31` };
  const [y, m] = period.split('-').map(Number) as [number, number];
  return { first: `${period}-01`, last: new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10) };
}

/** Points the residents earned in the period (their ledgers, by resident: one indexed equality each). */
async function pointsEarned(ctx: Context, residentIds: string[], period: string): Promise<number> {
  const { first, last } = periodDays(period);
  const occurredAt = trusted({ $gte: chinaDayStart(first), $lt: chinaNextDayStart(last) });
  const entries = await Promise.all(residentIds.map((residentId) => ctx.models.CivilityPointsEntry.find({ residentId, kind: 'EARN', occurredAt }, { points: 1 }).lean()));
  return entries.flat().reduce((sum, e) => sum + e.points, 0);
}

export async function grantCivilityAward(ctx: Context, input: GrantCivilityAwardInput): Promise<CivilityAwardDoc> {
  const family = input.kind === 'CIVILIZED_FAMILY';
  const period = requirePeriod(input.period, 'period', [family ? 'YEAR' : 'MONTH']);
  const today = todayInChina();
  if (periodDays(period).first > today) throw badInput('the period has not begun', { field: 'period' });
  const note = optionalText(input.note, 'note', 200);
  const key = input.idempotencyKey == null ? undefined : String(input.idempotencyKey);
  if (key !== undefined && !/^[\w.:-]{8,128}$/.test(key)) throw badInput('idempotencyKey must be 8–128 characters of letters, digits, _ . : -', { field: 'idempotencyKey' });
  const resident = await loadResident(ctx, input.residentId);
  const grid = (await ctx.loaders.grid.load(resident.gridId))!;
  const members = family ? (await ctx.loaders.residentsByHousehold.load(resident.householdId)).map((r) => r._id) : [resident._id];
  const points = await pointsEarned(ctx, members, period);
  if (points < 1) throw conflict(`no civility points were earned in ${period}`, { field: 'residentId', reason: 'NO_POINTS_IN_PERIOD' });
  const _id = stableId('civility_award', input.kind, period, family ? resident.householdId : resident._id);
  const by = actor(ctx) ?? undefined;
  const doc = {
    _id,
    kind: input.kind,
    period,
    residentId: resident._id,
    householdId: resident.householdId,
    gridId: resident.gridId,
    communityId: grid.communityId,
    points,
    note,
    grantedOn: today,
    grantedBy: by,
    idempotencyKey: key,
  };
  try {
    return (await ctx.models.CivilityAward.create(doc)).toObject() as CivilityAwardDoc;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    // A retry of the same grant (same key, same caller) answers the award it made; anything else is a second award.
    const existing = (await ctx.models.CivilityAward.findById(_id).lean()) as (CivilityAwardDoc & { idempotencyKey?: string }) | null;
    if (existing && key !== undefined && existing.idempotencyKey === key && existing.grantedBy === by && existing.residentId === resident._id) return existing;
    throw conflict(`this ${family ? 'household' : 'resident'} already has the ${input.kind} award for ${period}`, { field: 'residentId', reason: 'ALREADY_AWARDED' });
  }
}

/** The months and years that overlap the range (at most 13 months and 2 years for a 366-day range). */
function periodsOverlapping(from: string, to: string): string[] {
  const periods: string[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) periods.push(String(y));
  let month = from.slice(0, 7);
  while (month <= to.slice(0, 7)) {
    periods.push(month);
    const [y, m] = month.split('-').map(Number) as [number, number];
    month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  return periods;
}

export function awardsOfScope(ctx: Context, scope: StatisticsScope, kind: CivilityAwardKind | null | undefined, page: PageArgs) {
  const { key, gridIds } = scope;
  const where = key.scope === 'COMMUNITY' ? { communityId: key.scopeId } : { gridId: gridIds.length === 1 ? gridIds[0] : trusted({ $in: gridIds }) };
  const filter = { ...where, period: trusted({ $in: periodsOverlapping(key.from, key.to) }), ...(kind ? { kind } : {}) };
  return paginate<CivilityAwardDoc>(ctx.models.CivilityAward, filter, { period: -1, points: -1 }, page);
}
