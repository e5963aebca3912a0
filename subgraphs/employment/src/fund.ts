import { actor, assertId, conflict, createOnce, isDuplicateKey, newId, notFound, optionalText, requireDate, requireEnum, requireNonBlank, requirePeriod, trusted } from '@cg/kit';
import type { Context } from './context';
import { locked } from './locks';
import { requireFen } from './inputs';
import { FUND_INCOME_SOURCES } from './models/enums';
import type { WelfareFundDoc } from './models/WelfareFund';
import type { WelfareFundEntryDoc } from './models/WelfareFundEntry';
import type { WelfarePostDoc } from './models/WelfarePost';
import type { FundIncomeSource, OpenWelfareFundInput, PayWelfarePostInput, RecordFundIncomeInput } from './generated/resolvers-types';

/**
 * The welfare fund ledger (公益基金池台账), without transactions: the balance lives on the one fund document and
 * changes by a conditional `$inc` (a payment only while `balanceFen >= amount`); ledger entries are append-only.
 * An entry is inserted PENDING, applied to the fund (its id pushed to `pendingEntryIds` in the same update, so it is
 * applied at most once), marked APPLIED, then pulled from `pendingEntryIds`. A retry with the same idempotencyKey
 * resumes wherever an earlier attempt stopped; a refused payment removes its never-applied entry, changing nothing.
 */

export async function openWelfareFund(ctx: Context, input: OpenWelfareFundInput) {
  const name = requireNonBlank(input.name, 'name', 100);
  const communityId = assertId(input.communityId, 'communityId');
  await ctx.peers.requireEntities('civil-affairs', 'Community', [communityId], 'communityId');
  const doc = { name, communityId };
  const { doc: fund } = await createOnce<WelfareFundDoc>(
    ctx.models.WelfareFund,
    { ...doc, balanceFen: 0, incomeTotalFen: 0, paymentTotalFen: 0, pendingEntryIds: [] },
    {
      idempotencyKey: input.idempotencyKey,
      caller: actor(ctx),
      input: doc,
    },
  );
  return fund;
}

async function requireFund(ctx: Context, id: string, field: string) {
  const fund = (await ctx.models.WelfareFund.findById(id).lean()) as WelfareFundDoc | null;
  if (!fund) throw notFound('WelfareFund', id, field);
  return fund;
}

export async function recordFundIncome(ctx: Context, input: RecordFundIncomeInput) {
  const fundId = assertId(input.fundId, 'fundId');
  const entry = {
    fundId,
    kind: 'INCOME' as const,
    source: requireEnum(input.source, FUND_INCOME_SOURCES, 'source'),
    amountFen: requireFen(input.amountFen, 'amountFen'),
    occurredOn: requireDate(input.receivedOn, 'receivedOn'),
    note: optionalText(input.note, 'note', 500),
  };
  await requireFund(ctx, fundId, 'fundId');
  return book(ctx, entry, `income:${newId()}`, input.idempotencyKey);
}

/** Pays a post's holder for one month from the post's fund; one payment per post and month. */
export async function payWelfarePost(ctx: Context, input: PayWelfarePostInput) {
  const postId = assertId(input.postId, 'postId');
  const period = requirePeriod(input.period, 'period', ['MONTH']);
  const paidOn = requireDate(input.paidOn, 'paidOn');
  const amountGiven = input.amountFen == null ? undefined : requireFen(input.amountFen, 'amountFen');
  const post = (await ctx.models.WelfarePost.findById(postId).lean()) as WelfarePostDoc | null;
  if (!post) throw notFound('WelfarePost', postId, 'postId');
  if (post.status !== 'HELD' || !post.holderResidentId) throw conflict('the post has no holder to pay', { field: 'postId' });
  const amountFen = amountGiven ?? post.monthlyPayFen;
  const fund = await requireFund(ctx, post.fundId, 'postId');
  // Refuse early what the balance cannot cover (not for a keyed request: it may be the retry of a payment made);
  // the conditional update in book() decides under concurrency.
  if (!input.idempotencyKey && fund.balanceFen < amountFen) throw insufficient(fund.balanceFen, amountFen);
  const entry = { fundId: post.fundId, kind: 'PAYMENT' as const, amountFen, postId, payeeResidentId: post.holderResidentId, period, occurredOn: paidOn };
  return book(ctx, entry, `pay:${postId}:${period}`, input.idempotencyKey);
}

const insufficient = (balanceFen: number, amountFen: number) =>
  conflict(`the fund balance (${balanceFen} fen) does not cover ${amountFen} fen`, { field: 'amountFen', reason: 'INSUFFICIENT_BALANCE', balanceFen });

/** A ledger entry before it is booked: income from a source, or a payment to a post's holder for a month. */
type LedgerEntry = {
  fundId: string;
  kind: 'INCOME' | 'PAYMENT';
  amountFen: number;
  occurredOn: string;
  source?: string;
  note?: string;
  postId?: string;
  payeeResidentId?: string;
  period?: string;
};

/** One writer per fund at a time (see locks.ts); the conditional update inside still guards the balance. */
const book = (ctx: Context, entry: LedgerEntry, dedupeKey: string, idempotencyKey?: string | null) =>
  locked(ctx, 'fund', entry.fundId, () => bookLocked(ctx, entry, dedupeKey, idempotencyKey));

async function bookLocked(ctx: Context, entry: LedgerEntry, dedupeKey: string, idempotencyKey?: string | null): Promise<WelfareFundEntryDoc> {
  const { WelfareFund, WelfareFundEntry } = ctx.models;
  let pending: WelfareFundEntryDoc;
  try {
    ({ doc: pending } = await createOnce<WelfareFundEntryDoc>(
      WelfareFundEntry,
      { ...entry, state: 'PENDING', dedupeKey, recordedBy: actor(ctx) },
      {
        idempotencyKey,
        caller: actor(ctx),
        input: entry,
      },
    ));
  } catch (error) {
    if (isDuplicateKey(error)) throw conflict(`post ${entry.postId} was already paid for ${entry.period}`, { field: 'period' });
    throw error;
  }
  if (pending.state === 'APPLIED') return finish(ctx, pending);

  const amount: number = pending.amountFen;
  const isPayment = pending.kind === 'PAYMENT';
  const applied = (await WelfareFund.findOneAndUpdate(
    { _id: pending.fundId, pendingEntryIds: trusted({ $ne: pending._id }), ...(isPayment ? { balanceFen: trusted({ $gte: amount }) } : {}) },
    { $inc: isPayment ? { balanceFen: -amount, paymentTotalFen: amount } : { balanceFen: amount, incomeTotalFen: amount }, $push: { pendingEntryIds: pending._id } },
    { returnDocument: 'after' },
  ).lean()) as WelfareFundDoc | null;
  const balanceAfterFen = applied?.balanceFen;
  if (!applied) {
    const fund = (await WelfareFund.findById(pending.fundId).lean()) as WelfareFundDoc;
    if (!fund.pendingEntryIds.includes(pending._id)) {
      await WelfareFundEntry.deleteOne({ _id: pending._id, state: 'PENDING' });
      throw insufficient(fund.balanceFen, amount);
    }
    // An earlier attempt applied it and stopped before marking it.
  }
  await WelfareFundEntry.updateOne({ _id: pending._id, state: 'PENDING' }, { $set: { state: 'APPLIED', ...(balanceAfterFen == null ? {} : { balanceAfterFen }) } });
  return finish(ctx, pending);
}

/** Drops the entry from the fund's in-flight list (harmless when already gone) and answers the stored entry. */
async function finish(ctx: Context, entry: WelfareFundEntryDoc) {
  await ctx.models.WelfareFund.updateOne({ _id: entry.fundId }, { $pull: { pendingEntryIds: entry._id } });
  return (await ctx.models.WelfareFundEntry.findById(entry._id).lean()) as WelfareFundEntryDoc;
}

/** Entries that count: applied ones, and those applied to the fund but not yet marked. */
const countedEntries = (fund: WelfareFundDoc) => ({
  fundId: fund._id,
  $or: trusted([{ state: 'APPLIED' }, { _id: trusted({ $in: fund.pendingEntryIds ?? [] }) }]),
});

/** Totals on the fund against totals summed from the ledger (对账). */
export async function reconcile(ctx: Context, fund: WelfareFundDoc) {
  const groups = (await ctx.models.WelfareFundEntry.aggregate([
    { $match: countedEntries(fund) },
    { $group: { _id: { kind: '$kind', source: '$source' }, totalFen: { $sum: '$amountFen' } } },
  ])) as Array<{ _id: { kind: string; source?: FundIncomeSource }; totalFen: number }>;
  // FerretDB v1 answers 0 for a counting `$sum: 1` here, so the (few) groups are counted one by one.
  const counted = await Promise.all(
    groups.map(async (g) => ({
      ...g,
      entries: await ctx.models.WelfareFundEntry.countDocuments({ ...countedEntries(fund), kind: g._id.kind, ...(g._id.source ? { source: g._id.source } : {}) } as Record<
        string,
        unknown
      >),
    })),
  );
  const sum = (kind: string) => groups.filter((g) => g._id.kind === kind).reduce((total, g) => total + g.totalFen, 0);
  const ledgerIncomeTotalFen = sum('INCOME');
  const ledgerPaymentTotalFen = sum('PAYMENT');
  const incomeBySource = counted
    .flatMap((g) => (g._id.kind === 'INCOME' && g._id.source ? [{ source: g._id.source, totalFen: g.totalFen, entries: g.entries }] : []))
    .sort((a, b) => String(a.source).localeCompare(String(b.source)));
  return {
    incomeTotalFen: fund.incomeTotalFen,
    paymentTotalFen: fund.paymentTotalFen,
    balanceFen: fund.balanceFen,
    ledgerIncomeTotalFen,
    ledgerPaymentTotalFen,
    incomeBySource,
    reconciled: fund.balanceFen === fund.incomeTotalFen - fund.paymentTotalFen && ledgerIncomeTotalFen === fund.incomeTotalFen && ledgerPaymentTotalFen === fund.paymentTotalFen,
  };
}
