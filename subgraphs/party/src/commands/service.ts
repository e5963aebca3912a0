import { actor, assertId, badInput, conflict, isDuplicateKey, notFound, requireDate, requireEnum, requireNonBlank, requireOrder, requireRange } from '@cg/kit';
import type { Context } from '../context';
import type { ClaimServicePostInput, CreateDualRegistrationInput, CreateServicePostInput, RecordServiceActivityInput } from '../generated/resolvers-types';
import type { DualRegistrationDoc } from '../models/DualRegistration';
import type { PostClaimDoc } from '../models/PostClaim';
import { ACTIVITY_KINDS, type ServiceActivityDoc } from '../models/ServiceActivity';
import { POST_KINDS, type ServicePostDoc } from '../models/ServicePost';
import { requireMember } from '../members';
import { creditPoints } from '../points';
import { requireOrganization } from '../tree';
import { insertOnce } from './common';

/** 双报到 is for in-service members and retired cadres (怀来: 2,018 在职党员 and 217 离退休干部). */
const DUAL_REPORTING: readonly string[] = ['IN_SERVICE', 'RETIRED'];

/** Points for each quota item done (服务积分). */
const SERVICE_POINTS = { activity: 5 } as const;

export async function createDualRegistration(ctx: Context, input: CreateDualRegistrationInput): Promise<DualRegistrationDoc> {
  const memberId = assertId(input.memberId, 'memberId');
  const communityId = assertId(input.communityId, 'communityId');
  const workUnit = requireNonBlank(input.workUnit, 'workUnit', 100);
  const reportedOn = requireDate(input.reportedOn, 'reportedOn');
  const member = await requireMember(ctx.models, memberId);
  if (!DUAL_REPORTING.includes(member.category)) throw badInput('only in-service (在职) and retired (离退休) members take part in 双报到', { field: 'memberId' });
  await ctx.peers.requireEntities('civil-affairs', 'Community', [communityId], 'communityId');
  try {
    return await insertOnce<DualRegistrationDoc>(ctx, ctx.models.DualRegistration, { memberId, communityId, workUnit, reportedOn }, input.idempotencyKey);
  } catch (error) {
    if (isDuplicateKey(error)) throw conflict('the member has reported to this community already', { field: 'communityId' });
    throw error;
  }
}

export async function createServicePost(ctx: Context, input: CreateServicePostInput): Promise<ServicePostDoc> {
  const name = requireNonBlank(input.name, 'name', 100);
  const kind = requireEnum(input.kind, POST_KINDS, 'kind');
  const description = input.description == null ? undefined : requireNonBlank(input.description, 'description', 1000);
  const gridId = assertId(input.gridId, 'gridId');
  const organizationId = assertId(input.organizationId, 'organizationId');
  await requireOrganization(ctx.models, organizationId, 'organizationId');
  await ctx.peers.requireEntities('civil-affairs', 'Grid', [gridId], 'gridId');
  return insertOnce<ServicePostDoc>(ctx, ctx.models.ServicePost, { name, kind, description, gridId, organizationId }, input.idempotencyKey);
}

export async function claimServicePost(ctx: Context, input: ClaimServicePostInput): Promise<PostClaimDoc> {
  const postId = assertId(input.postId, 'postId');
  const memberId = assertId(input.memberId, 'memberId');
  const claimedOn = requireDate(input.claimedOn, 'claimedOn');
  const year = Number(claimedOn.slice(0, 4));
  const dueOn = input.dueOn == null ? `${year}-12-31` : requireDate(input.dueOn, 'dueOn');
  requireOrder(claimedOn, dueOn, ['claimedOn', 'dueOn']);
  if (!(await ctx.models.ServicePost.exists({ _id: postId }))) throw notFound('ServicePost', postId, 'postId');
  await requireMember(ctx.models, memberId);
  // No points for the claim itself: the post's task earns them when it is done (claimsDue.ts).
  try {
    return await insertOnce<PostClaimDoc>(ctx, ctx.models.PostClaim, { postId, memberId, claimedOn, year, dueOn, status: 'CLAIMED' }, input.idempotencyKey);
  } catch (error) {
    if (isDuplicateKey(error)) throw conflict(`the member has claimed this post for ${year} already`, { field: 'postId' });
    throw error;
  }
}

export async function recordServiceActivity(ctx: Context, input: RecordServiceActivityInput): Promise<ServiceActivityDoc> {
  const memberId = assertId(input.memberId, 'memberId');
  const kind = requireEnum(input.kind, ACTIVITY_KINDS, 'kind');
  const date = requireDate(input.date, 'date');
  const content = requireNonBlank(input.content, 'content', 1000);
  const doc: Record<string, unknown> = { memberId, kind, date, year: Number(date.slice(0, 4)), content };
  if (kind === 'HOUSEHOLD_CONTACT') {
    if (input.householdId == null) throw badInput('householdId is required for a household contact', { field: 'householdId' });
    doc.householdId = assertId(input.householdId, 'householdId');
  }
  if (kind === 'VOLUNTEER_SERVICE') {
    if (input.hours == null) throw badInput('hours is required for a volunteer service', { field: 'hours' });
    doc.hours = requireRange(input.hours, 'hours', 0.5, 24);
  }
  await requireMember(ctx.models, memberId);
  if (doc.householdId) await ctx.peers.requireEntities('civil-affairs', 'Household', [doc.householdId as string], 'householdId');
  const activity = await insertOnce<ServiceActivityDoc>(ctx, ctx.models.ServiceActivity, doc, input.idempotencyKey);
  await creditPoints(ctx.models, {
    memberId,
    points: SERVICE_POINTS.activity,
    reason: kind === 'SUGGESTION' ? '提出合理化建议' : kind === 'VOLUNTEER_SERVICE' ? '参加志愿服务' : '联系群众',
    sourceType: 'SERVICE_ACTIVITY',
    sourceId: activity._id,
    month: date.slice(0, 7),
    actor: actor(ctx),
  });
  return activity;
}
