import { assertId, badInput, requireDate, requireNonBlank } from '@cg/kit';
import type { Context } from '../context';
import type { CreditVolunteerPointsInput } from '../generated/resolvers-types';
import type { PointEntryDoc } from '../models/PointEntry';
import { creditPoints } from '../points';

/** 志愿服务积分: two points per hour attended, rounded, at least one (the ledger keeps whole points). */
export const volunteerPoints = (hours: number): number => Math.max(1, Math.round(hours * 2));

/**
 * Civil affairs credits a member's volunteer hours here (it keeps the attendance; party keeps the points). The
 * reference decides the entry: civil affairs retrying after a lost answer, or its sweep after party was down, finds
 * the first entry, so an attendance counts once however often it is sent.
 */
export async function creditVolunteerPoints(ctx: Pick<Context, 'models' | 'identity'>, input: CreditVolunteerPointsInput): Promise<PointEntryDoc> {
  const memberId = assertId(input.memberId, 'memberId');
  const heldOn = requireDate(input.heldOn, 'heldOn');
  if (!(input.hours > 0 && input.hours <= 24)) throw badInput('hours must be more than 0 and at most 24', { field: 'hours' });
  const sourceRef = requireNonBlank(input.sourceRef, 'sourceRef', 200);
  if (!/^[\w.:-]{8,200}$/.test(sourceRef)) throw badInput('sourceRef must be 8–200 characters of letters, digits, _ . : -', { field: 'sourceRef' });
  const { entry } = await creditPoints(ctx.models, {
    memberId,
    points: volunteerPoints(input.hours),
    reason: `志愿服务：${requireNonBlank(input.reason, 'reason', 200)}`,
    sourceType: 'VOLUNTEER',
    sourceId: sourceRef,
    month: heldOn.slice(0, 7),
    actor: ctx.identity?.subject ?? null,
  });
  return entry;
}
