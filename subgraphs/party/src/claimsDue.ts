/**
 * Points follow the claimed work (剑河 JH): a post task or micro-wish done by its due date earns points, one still
 * undone after it costs a deduction (超期未办理减分). The deduction is written once per item, whichever finds it
 * first: the sweep (still undone as of a day) or the late completion; its source id derives from the item.
 */
import { actor, assertId, conflict, notFound, optionalText, positiveFromEnv, requireDate, requireOrder, startSweeper, todayInChina, updateIf } from '@cg/kit';
import type { Context } from './context';
import type { MutationCompletePostClaimArgs } from './generated/resolvers-types';
import type { Models } from './models';
import type { MicroWishDoc } from './models/MicroWish';
import type { PostClaimDoc } from './models/PostClaim';
import { creditPoints } from './points';

/** Points for a post task done on time (服务积分), and the deduction for an item overdue undone. */
export const CLAIM_POINTS = { postDoneOnTime: 5, overdue: -5 } as const;

/** A claim's due date: the one given, else the end of the claim's year. */
export const claimDueOn = (claim: Pick<PostClaimDoc, 'dueOn' | 'year'>) => claim.dueOn ?? `${claim.year}-12-31`;

type Overdue =
  | { kind: 'MICRO_WISH'; item: Pick<MicroWishDoc, '_id' | 'claimedById' | 'dueOn' | 'title'> }
  | { kind: 'SERVICE_POST'; item: Pick<PostClaimDoc, '_id' | 'memberId' | 'dueOn' | 'year'> };

/** The 超期未办理 deduction for one item, in the month its due date passed; `created` is false when it was written before. */
export async function deductOverdue(models: Models, overdue: Overdue, by: string | null | undefined): Promise<boolean> {
  const wish = overdue.kind === 'MICRO_WISH' ? overdue.item : null;
  const dueOn = wish ? wish.dueOn : claimDueOn(overdue.item as PostClaimDoc);
  const { created } = await creditPoints(models, {
    memberId: wish ? wish.claimedById! : (overdue.item as PostClaimDoc).memberId,
    points: CLAIM_POINTS.overdue,
    reason: wish ? `微心愿超期未办理：${wish.title}` : '认领岗位任务超期未办理',
    sourceType: overdue.kind,
    sourceId: `${overdue.item._id}:overdue`,
    month: dueOn.slice(0, 7),
    actor: by,
  });
  return created;
}

/** 岗位任务办结: CLAIMED → DONE once; on time earns the post's points, late costs the overdue deduction (once). */
export async function completePostClaim(ctx: Context, args: MutationCompletePostClaimArgs): Promise<PostClaimDoc> {
  const id = assertId(args.id, 'id');
  const doneOn = requireDate(args.doneOn, 'doneOn');
  const doneNote = optionalText(args.note, 'note', 1000);
  const claim = (await ctx.models.PostClaim.findById(id).lean()) as PostClaimDoc | null;
  if (!claim) throw notFound('PostClaim', id, 'id');
  if (claim.status === 'DONE') throw conflict('the post task is done already', { field: 'id', status: 'DONE' });
  requireOrder(claim.claimedOn, doneOn, ['claimedOn', 'doneOn']);
  const done = await updateIf<PostClaimDoc>(ctx.models.PostClaim, id, { status: 'CLAIMED' }, { $set: { status: 'DONE', doneOn, doneNote, dueOn: claimDueOn(claim) } });
  if (!done) throw conflict('the post task is done already', { field: 'id', status: 'DONE' });
  if (doneOn > claimDueOn(done)) await deductOverdue(ctx.models, { kind: 'SERVICE_POST', item: done }, actor(ctx));
  else {
    await creditPoints(ctx.models, {
      memberId: done.memberId,
      points: CLAIM_POINTS.postDoneOnTime,
      reason: '认领岗位任务按期办结',
      sourceType: 'SERVICE_POST',
      sourceId: done._id,
      month: doneOn.slice(0, 7),
      actor: actor(ctx),
    });
  }
  return done;
}

/**
 * 超期未办理: every claimed wish and post task still undone after its due date as of `asOf` gets its deduction; one
 * already written is left as it is. Reads the CLAIMED items only (top-level equality on an indexed status).
 */
export async function sweepOverdueClaims(models: Models, asOf: string, by: string | null | undefined) {
  const wishes = ((await models.MicroWish.find({ status: 'CLAIMED' }, { claimedById: 1, dueOn: 1, title: 1 }).lean()) as MicroWishDoc[]).filter((w) => w.dueOn < asOf);
  const claims = ((await models.PostClaim.find({ status: 'CLAIMED' }, { memberId: 1, dueOn: 1, year: 1 }).lean()) as PostClaimDoc[]).filter((c) => claimDueOn(c) < asOf);
  let written = 0;
  for (const item of wishes) if (await deductOverdue(models, { kind: 'MICRO_WISH', item }, by)) written++;
  for (const item of claims) if (await deductOverdue(models, { kind: 'SERVICE_POST', item }, by)) written++;
  return { asOf, overdueWishes: wishes.length, overduePostClaims: claims.length, written };
}

/** Who the scheduled sweep writes as, in the ledger's `actor`. */
export const CLAIM_SWEEP_ACTOR = 'system:overdue-sweep';

/** The sweep as of today in China, on a timer (src/index.ts; CG_CLAIM_SWEEP_MS, hourly by default); `stop()` ends it. */
export const startClaimSweeper = (models: Models, everyMs = positiveFromEnv(process.env, 'CG_CLAIM_SWEEP_MS', 3_600_000)) =>
  startSweeper('overdue claim sweep', everyMs, () => sweepOverdueClaims(models, todayInChina(), CLAIM_SWEEP_ACTOR));
