import { actor, assertId, requireDate, requireEnum, requireNonBlank, requireOrder } from '@cg/kit';
import type { Context } from '../context';
import type { MutationApproveMicroWishArgs, MutationClaimMicroWishArgs, MutationCompleteMicroWishArgs, PublishMicroWishInput } from '../generated/resolvers-types';
import { WISH_RATINGS, type MicroWishDoc } from '../models/MicroWish';
import { requireMember } from '../members';
import { deductOverdue } from '../claimsDue';
import { creditPoints } from '../points';
import { requireOrganization } from '../tree';
import { isOverdue, loadWish, stepWish, WISH_POINTS } from '../wishes';
import { insertOnce } from './common';

export async function publishMicroWish(ctx: Context, input: PublishMicroWishInput): Promise<MicroWishDoc> {
  const title = requireNonBlank(input.title, 'title', 100);
  const description = input.description == null ? undefined : requireNonBlank(input.description, 'description', 1000);
  const organizationId = assertId(input.organizationId, 'organizationId');
  // A resident publishes their own wish (群众点单): residentId defaults to them and may name nobody else.
  const self = ctx.identity?.role === 'RESIDENT' ? ctx.identity.subject : undefined;
  const residentId = input.residentId == null ? self : assertId(input.residentId, 'residentId');
  ctx.requireInScope('MicroWish', { residentId }, 'residentId');
  const publishedOn = requireDate(input.publishedOn, 'publishedOn');
  const dueOn = requireDate(input.dueOn, 'dueOn');
  requireOrder(publishedOn, dueOn, ['publishedOn', 'dueOn']);
  await requireOrganization(ctx.models, organizationId, 'organizationId');
  if (residentId) await ctx.peers.requireEntities('civil-affairs', 'Resident', [residentId], 'residentId');
  const doc = { title, description, organizationId, residentId, publishedOn, dueOn, status: 'PUBLISHED' };
  return insertOnce<MicroWishDoc>(ctx, ctx.models.MicroWish, doc, input.idempotencyKey);
}

export async function claimMicroWish(ctx: Context, args: MutationClaimMicroWishArgs): Promise<MicroWishDoc> {
  const id = assertId(args.id, 'id');
  const memberId = assertId(args.memberId, 'memberId');
  const claimedOn = requireDate(args.claimedOn, 'claimedOn');
  const wish = await loadWish(ctx.models, id);
  await requireMember(ctx.models, memberId);
  if (wish.status === 'PUBLISHED') requireOrder(wish.publishedOn, claimedOn, ['publishedOn', 'claimedOn']);
  return stepWish(ctx.models, wish, 'claim', { claimedById: memberId, claimedOn, updatedBy: actor(ctx) });
}

export async function completeMicroWish(ctx: Context, args: MutationCompleteMicroWishArgs): Promise<MicroWishDoc> {
  const id = assertId(args.id, 'id');
  const doneOn = requireDate(args.doneOn, 'doneOn');
  const doneNote = args.note == null ? undefined : requireNonBlank(args.note, 'note', 1000);
  const wish = await loadWish(ctx.models, id);
  if (wish.status === 'CLAIMED') requireOrder(wish.claimedOn!, doneOn, ['claimedOn', 'doneOn']);
  const done = await stepWish(ctx.models, wish, 'complete', { doneOn, doneNote, updatedBy: actor(ctx) });
  // Done late: the 超期未办理 deduction, once (the sweep may have written it already).
  if (isOverdue(done)) await deductOverdue(ctx.models, { kind: 'MICRO_WISH', item: done }, actor(ctx));
  return done;
}

/** Approval (审定) credits the member: on time and well rated earns points, poorly rated costs some. */
export async function approveMicroWish(ctx: Context, args: MutationApproveMicroWishArgs): Promise<MicroWishDoc> {
  const id = assertId(args.id, 'id');
  const approvedOn = requireDate(args.approvedOn, 'approvedOn');
  const rating = requireEnum(args.rating, WISH_RATINGS, 'rating');
  const wish = await loadWish(ctx.models, id);
  if (wish.status === 'DONE') requireOrder(wish.doneOn!, approvedOn, ['doneOn', 'approvedOn']);
  const approved = await stepWish(ctx.models, wish, 'approve', { approvedOn, rating, updatedBy: actor(ctx) });
  // Lateness was deducted when it happened (超期); approval judges the rating: on time and well rated earns, poorly rated costs.
  if (rating === 'GOOD' && isOverdue(approved)) return approved;
  const good = rating === 'GOOD';
  await creditPoints(ctx.models, {
    memberId: approved.claimedById!, // set by the claim step, which every DONE wish went through
    points: good ? WISH_POINTS.onTimeAndGood : WISH_POINTS.poor,
    reason: good ? `微心愿按期办结、群众认可：${approved.title}` : `微心愿群众评价低：${approved.title}`,
    sourceType: 'MICRO_WISH',
    sourceId: approved._id,
    month: approvedOn.slice(0, 7),
    actor: actor(ctx),
  });
  return approved;
}
