import { actor, assertId, badInput, conflict, createOnce, notFound, optionalDate, optionalId, requireDate, requireEnum, requireNonBlank } from '@cg/kit';
import type { Context } from './context';
import { locked } from './locks';
import { requireFen, requireNotBefore } from './inputs';
import { WELFARE_POST_KINDS } from './models/enums';
import type { WelfarePostDoc } from './models/WelfarePost';
import type { AssignWelfarePostInput, CreateWelfarePostInput, VacateWelfarePostInput } from './generated/resolvers-types';

/** A public-welfare post (公益岗位) paid from a fund; held from the start when a holder is given. */
export async function createWelfarePost(ctx: Context, input: CreateWelfarePostInput): Promise<WelfarePostDoc> {
  const fundId = assertId(input.fundId, 'fundId');
  const title = requireNonBlank(input.title, 'title', 100);
  const kind = requireEnum(input.kind, WELFARE_POST_KINDS, 'kind');
  const monthlyPayFen = requireFen(input.monthlyPayFen, 'monthlyPayFen');
  const holderResidentId = optionalId(input.holderResidentId, 'holderResidentId');
  const holderSince = optionalDate(input.holderSince, 'holderSince');
  if (!holderResidentId !== !holderSince) throw badInput('holderResidentId and holderSince go together', { field: holderResidentId ? 'holderSince' : 'holderResidentId' });
  if (!(await ctx.models.WelfareFund.exists({ _id: fundId }))) throw notFound('WelfareFund', fundId, 'fundId');
  if (holderResidentId) await ctx.peers.requireEntities('civil-affairs', 'Resident', [holderResidentId], 'holderResidentId');
  const doc = { fundId, title, kind, monthlyPayFen, status: holderResidentId ? 'HELD' : 'VACANT', holderResidentId, holderSince };
  const { doc: post } = await createOnce<WelfarePostDoc>(ctx.models.WelfarePost, doc, { idempotencyKey: input.idempotencyKey, caller: actor(ctx), input: doc });
  return post;
}

async function requirePost(ctx: Context, id: string) {
  const post = (await ctx.models.WelfarePost.findById(id).lean()) as WelfarePostDoc | null;
  if (!post) throw notFound('WelfarePost', id, 'postId');
  return post;
}

/** 上岗: only a vacant post takes a holder (conditional on VACANT, so two assignments cannot both win). */
export async function assignWelfarePost(ctx: Context, input: AssignWelfarePostInput) {
  const postId = assertId(input.postId, 'postId');
  const residentId = assertId(input.residentId, 'residentId');
  const since = requireDate(input.since, 'since');
  await requirePost(ctx, postId);
  await ctx.peers.requireEntities('civil-affairs', 'Resident', [residentId], 'residentId');
  const post = await locked(ctx, 'welfare-post', postId, () =>
    ctx.models.WelfarePost.findOneAndUpdate(
      { _id: postId, status: 'VACANT' },
      { $set: { status: 'HELD', holderResidentId: residentId, holderSince: since } },
      { returnDocument: 'after' },
    ).lean(),
  );
  if (!post) throw conflict('the post is held; vacate it first', { field: 'postId' });
  return post;
}

/** 离岗: the holder leaves; conditional on the holder read, so a concurrent change is a CONFLICT. */
export async function vacateWelfarePost(ctx: Context, input: VacateWelfarePostInput) {
  const postId = assertId(input.postId, 'postId');
  const on = requireDate(input.on, 'on');
  const current = await requirePost(ctx, postId);
  if (current.status !== 'HELD') throw conflict('the post is vacant already', { field: 'postId' });
  requireNotBefore(on, current.holderSince!, 'on', 'the holder started');
  const post = await locked(ctx, 'welfare-post', postId, () =>
    ctx.models.WelfarePost.findOneAndUpdate(
      { _id: postId, status: 'HELD', holderResidentId: current.holderResidentId },
      { $set: { status: 'VACANT' }, $unset: { holderResidentId: 1, holderSince: 1 } },
      { returnDocument: 'after' },
    ).lean(),
  );
  if (!post) throw conflict('the post changed meanwhile; read it again', { field: 'postId' });
  return post;
}
