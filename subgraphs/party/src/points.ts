/**
 * 党员奉献积分 (JH): a ledger of point entries per member and month, and the 3-month rule:
 * a member whose earned points reach 80 in each of three consecutive months gets a bonus in the third month;
 * one below 60 in each of three consecutive months gets a penalty. The window slides: the rule is judged for
 * every month on that month and the two before it. Earned points exclude the rule's own entries, so a bonus never
 * feeds the next judgement. Evaluating a month is idempotent: rule entries have ids derived from (member, month).
 */
import { badInput, conflict, isDuplicateKey, requireNonBlank, requireRange, stableId, trusted, MAX_UPDATE_BATCH } from '@cg/kit';
import type { Models } from './models';
import type { PointEntryDoc, PointSource } from './models/PointEntry';
import { requireMonth } from './inputs';
import { requireMember } from './members';

export const POINT_RULE = { window: 3, bonusAtLeast: 80, penaltyBelow: 60, bonus: 10, penalty: -10 } as const;
const RULE_SOURCES: PointSource[] = ['RULE_BONUS', 'RULE_PENALTY'];

/** What other code in this subgraph credits for (a finished wish, a joint-response case, …); not the rule's own. */
export type CreditSource = Exclude<PointSource, 'RULE_BONUS' | 'RULE_PENALTY'>;

interface CreditInput {
  memberId: string;
  points: number;
  reason: string;
  sourceType: CreditSource;
  /** The record the points are for (a wish id, a case id, an idempotency key); one credit per member and source. */
  sourceId: string;
  month: string;
  actor?: string | null;
}

/**
 * Credits (or, negative, deducts) points once per (sourceType, sourceId, member): calling it again with the same
 * arguments returns the first entry and writes nothing; the same source with different points is a CONFLICT.
 * Throws BAD_USER_INPUT for bad arguments and NOT_FOUND when the member does not exist.
 */
export async function creditPoints(models: Models, input: CreditInput): Promise<{ entry: PointEntryDoc; created: boolean }> {
  const { memberId, points, sourceType, month } = input;
  if (RULE_SOURCES.includes(sourceType as PointSource)) throw badInput('rule entries are written by the monthly evaluation only', { field: 'sourceType' });
  if (!Number.isInteger(points) || points === 0) throw badInput('points must be a non-zero whole number', { field: 'points' });
  requireRange(points, 'points', -100, 100);
  requireMonth(month);
  const reason = requireNonBlank(input.reason, 'reason', 200);
  const sourceId = requireNonBlank(input.sourceId, 'sourceId', 200);
  await requireMember(models, memberId);
  const _id = pointEntryId(sourceType, sourceId, memberId);
  try {
    const created = await models.PointEntry.create({ _id, memberId, month, points, reason, sourceType, sourceId, createdBy: input.actor ?? undefined });
    return { entry: created.toObject() as PointEntryDoc, created: true };
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const entry = (await models.PointEntry.findById(_id).lean()) as PointEntryDoc | null;
    if (!entry) throw error;
    if (entry.points !== points || entry.month !== month) {
      throw conflict('the source was credited with other points already', { field: sourceType === 'MANUAL' ? 'idempotencyKey' : 'sourceId' });
    }
    return { entry, created: false };
  }
}

/** The id of a credit: one per (source, member), so a second credit finds the first (the seed derives the same). */
export const pointEntryId = (sourceType: CreditSource, sourceId: string, memberId: string) => stableId('point-entry', sourceType, sourceId, memberId);

/** `2026-03` → `['2026-01', '2026-02', '2026-03']` for a window of 3. */
export function windowMonths(month: string, size: number = POINT_RULE.window): string[] {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: size }, (_, i) => {
    const d = new Date(Date.UTC(year, m - 1 - (size - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

/** The rule on one member's earned totals for the window, oldest first. */
export function judge(totals: number[]): 'BONUS' | 'PENALTY' | null {
  if (totals.length < POINT_RULE.window) return null;
  if (totals.every((t) => t >= POINT_RULE.bonusAtLeast)) return 'BONUS';
  if (totals.every((t) => t < POINT_RULE.penaltyBelow)) return 'PENALTY';
  return null;
}

const ruleEntryId = (memberId: string, month: string) => stableId('point-rule', memberId, month);

/** The rule entry a judgement gives (shared with the seed, so seeded and evaluated ledgers agree). */
export function ruleEntry(memberId: string, month: string, outcome: 'BONUS' | 'PENALTY') {
  const bonus = outcome === 'BONUS';
  return {
    _id: ruleEntryId(memberId, month),
    memberId,
    month,
    points: bonus ? POINT_RULE.bonus : POINT_RULE.penalty,
    reason: bonus ? '连续三个月积分达到80分，额外加分' : '连续三个月积分低于60分，扣分',
    sourceType: bonus ? 'RULE_BONUS' : 'RULE_PENALTY',
    sourceId: `${memberId}:${month}`,
  } as const;
}

/** Earned points (rule entries excluded) per member and month, for the given months: one `$group`. */
async function earnedTotals(models: Models, months: string[], memberIds?: string[]): Promise<Map<string, number>> {
  const match: Record<string, unknown> = { month: { $in: months }, sourceType: { $nin: RULE_SOURCES } };
  if (memberIds) match.memberId = { $in: memberIds };
  const rows = await models.PointEntry.aggregate<{ _id: { memberId: string; month: string }; total: number }>([
    { $match: match },
    { $group: { _id: { memberId: '$memberId', month: '$month' }, total: { $sum: '$points' } } },
  ]);
  return new Map(rows.map((r) => [`${r._id.memberId}|${r._id.month}`, r.total]));
}

export interface Evaluation {
  month: string;
  membersEvaluated: number;
  bonuses: number;
  penalties: number;
  written: number;
  removed: number;
}

/**
 * Judges `month` for every member who had joined by the start of the window. Writes the rule entries that apply
 * (insert-if-absent by derived id) and removes rule entries of this month that no longer apply, so the month's
 * rule entries always equal the judgement of the current ledger; a second run writes and removes nothing.
 */
export async function evaluateMonth(models: Models, month: string, actor?: string | null): Promise<Evaluation> {
  requireMonth(month);
  const months = windowMonths(month);
  const members = await models.PartyMember.find({ joinedOn: trusted({ $lt: `${months[0]}-01` }) }, { _id: 1 }).lean();
  const totals = await earnedTotals(models, months);
  const entries = members.flatMap((m) => {
    const id = String(m._id);
    const outcome = judge(months.map((mo) => totals.get(`${id}|${mo}`) ?? 0));
    return outcome ? [ruleEntry(id, month, outcome)] : [];
  });
  const existing = new Map(
    (await models.PointEntry.find({ month, sourceType: trusted({ $in: RULE_SOURCES }) }, { _id: 1, sourceType: 1 }).lean()).map((e) => [String(e._id), e.sourceType]),
  );
  const toInsert = entries.filter((e) => !existing.has(e._id));
  // A bonus that flipped to a penalty (or back) keeps its id: the kind is replaced in place.
  const toChange = entries.filter((e) => existing.has(e._id) && existing.get(e._id) !== e.sourceType);
  const keep = new Set(entries.map((e) => e._id));
  const toRemove = [...existing.keys()].filter((id) => !keep.has(id));
  let written = 0;
  for (let i = 0; i < toInsert.length + toChange.length; i += MAX_UPDATE_BATCH) {
    const chunk = [...toInsert, ...toChange].slice(i, i + MAX_UPDATE_BATCH);
    const result = await models.PointEntry.bulkWrite(
      chunk.map((e) => ({
        updateOne: {
          filter: { _id: e._id },
          update: {
            $set: { points: e.points, reason: e.reason, sourceType: e.sourceType },
            $setOnInsert: { memberId: e.memberId, month, sourceId: e.sourceId, createdAt: new Date(), createdBy: actor ?? undefined },
          },
          upsert: true,
        },
      })),
      { ordered: false },
    );
    written += result.upsertedCount + result.modifiedCount;
  }
  const removed = toRemove.length ? (await models.PointEntry.deleteMany({ _id: trusted({ $in: toRemove }) })).deletedCount : 0;
  return {
    month,
    membersEvaluated: members.length,
    bonuses: entries.filter((e) => e.sourceType === 'RULE_BONUS').length,
    penalties: entries.filter((e) => e.sourceType === 'RULE_PENALTY').length,
    written,
    removed,
  };
}

/** Per member and month from `from` to `to`: earned points, the rule's adjustment, and the total (one `$group`). */
export async function monthlyPoints(models: Models, memberIds: string[], from: string, to: string) {
  const months: string[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) months.push(m);
  const rows = await models.PointEntry.aggregate<{ _id: { memberId: string; month: string; sourceType: PointSource }; total: number }>([
    { $match: { memberId: { $in: memberIds }, month: { $in: months } } },
    { $group: { _id: { memberId: '$memberId', month: '$month', sourceType: '$sourceType' }, total: { $sum: '$points' } } },
  ]);
  const sums = new Map<string, number>();
  for (const r of rows) {
    const key = `${r._id.memberId}|${r._id.month}|${RULE_SOURCES.includes(r._id.sourceType)}`;
    sums.set(key, (sums.get(key) ?? 0) + r.total);
  }
  return memberIds.map((id) =>
    months.map((month) => {
      const earned = sums.get(`${id}|${month}|false`) ?? 0;
      const ruleAdjustment = sums.get(`${id}|${month}|true`) ?? 0;
      return { month, earned, ruleAdjustment, total: earned + ruleAdjustment };
    }),
  );
}

function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 1)).toISOString().slice(0, 7);
}

/** Number of months from `from` to `to` inclusive (0 or less when `to` comes first). */
export function monthSpan(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}
