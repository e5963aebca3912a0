import { actor, assertId, badInput, requireDate, requireNonBlank } from '@cg/kit';
import type { Context } from '../context';
import type { CreditMemberPointsInput, NominateForAwardInput } from '../generated/resolvers-types';
import type { AwardNominationDoc } from '../models/AwardNomination';
import type { PointEntryDoc } from '../models/PointEntry';
import { requireQuarter, requireMonth } from '../inputs';
import { requireMember } from '../members';
import { checkNominationDate, nominate } from '../nominations';
import { creditPoints, evaluateMonth, type Evaluation } from '../points';
import { requireOrganization } from '../tree';

export async function creditMemberPoints(ctx: Context, input: CreditMemberPointsInput): Promise<PointEntryDoc> {
  const memberId = assertId(input.memberId, 'memberId');
  const month = requireMonth(input.month);
  // A hand credit without a key is its own source; with one, the key makes a retry return the first entry.
  const key = input.idempotencyKey == null ? null : requireNonBlank(input.idempotencyKey, 'idempotencyKey', 128);
  if (key != null && !/^[\w.:-]{8,128}$/.test(key)) {
    throw badInput('idempotencyKey must be 8–128 characters of letters, digits, _ . : -', { field: 'idempotencyKey' });
  }
  const sourceId = key ?? `manual:${Date.now()}:${Math.random().toString(36).slice(2)}`;
  const { entry } = await creditPoints(ctx.models, {
    memberId,
    points: input.points,
    reason: input.reason,
    sourceType: 'MANUAL',
    sourceId,
    month,
    actor: actor(ctx),
  });
  return entry;
}

export const evaluateMonthlyPoints = (ctx: Context, month: string): Promise<Evaluation> => evaluateMonth(ctx.models, month, actor(ctx));

export async function nominateForAward(ctx: Context, input: NominateForAwardInput): Promise<AwardNominationDoc> {
  const branchId = assertId(input.branchId, 'branchId');
  const memberId = assertId(input.memberId, 'memberId');
  const quarter = requireQuarter(input.quarter);
  const reason = requireNonBlank(input.reason, 'reason', 500);
  const nominatedOn = requireDate(input.nominatedOn, 'nominatedOn');
  checkNominationDate(quarter, nominatedOn);
  const branch = await requireOrganization(ctx.models, branchId, 'branchId');
  if (branch.level !== 'BRANCH') throw badInput('only a branch (党支部) nominates for the 党员奉献奖', { field: 'branchId' });
  const member = await requireMember(ctx.models, memberId);
  const home = await requireOrganization(ctx.models, member.organizationId, 'memberId');
  if (home._id !== branchId && !(home.ancestorIds ?? []).includes(branchId)) {
    throw badInput('the member does not belong to this branch', { field: 'memberId' });
  }
  return nominate(ctx.models, { branchId, quarter, memberId, reason, nominatedOn, createdBy: actor(ctx) ?? undefined }, input.idempotencyKey);
}
