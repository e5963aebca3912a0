import { actor, assertId, badInput, conflict, notFound, trusted, withLock } from '@cg/kit';
import type { Context } from '../context';
import type { CreditCaseHelpersInput } from '../generated/resolvers-types';
import type { JointCaseDoc } from '../models/JointCase';
import type { PointEntryDoc } from '../models/PointEntry';
import { creditPoints } from '../points';
import { authorizeStep } from './authorize';

/** Points for a member who helped close a case (党员参与一呼联动), and the bound on members credited per case. */
export const CASE_HELP = { points: 10, maxMembers: 20 } as const;

const caseCredits = async (ctx: Pick<Context, 'models'>, caseId: string) =>
  (await ctx.models.PointEntry.find({ sourceType: 'JOINT_CASE', sourceId: caseId }).lean()) as PointEntryDoc[];

/**
 * The community credits the members who helped close a case: the case must be CLOSED and the caller's (as for
 * closing it); each member gets one JOINT_CASE entry for the case, in the month it closed; naming a member again
 * writes nothing. Everything is checked before the first credit.
 */
export async function creditCaseHelpers(ctx: Context, input: CreditCaseHelpersInput): Promise<PointEntryDoc[]> {
  const caseId = assertId(input.caseId, 'caseId');
  const memberIds = input.memberIds.map((id) => assertId(id, 'memberIds'));
  if (memberIds.length === 0 || memberIds.length > CASE_HELP.maxMembers) throw badInput(`name 1 to ${CASE_HELP.maxMembers} members`, { field: 'memberIds' });
  if (new Set(memberIds).size !== memberIds.length) throw badInput('memberIds names a member twice', { field: 'memberIds' });
  const found = (await ctx.models.JointCase.findById(caseId).lean()) as JointCaseDoc | null;
  if (!found) throw notFound('JointCase', caseId, 'caseId');
  authorizeStep('CLOSE', ctx.identity, found);
  if (found.status !== 'CLOSED') throw conflict(`a case that is ${found.status} has not been closed yet`, { field: 'caseId', status: found.status });
  const members = new Set((await ctx.models.PartyMember.find({ _id: trusted({ $in: memberIds }) }, { _id: 1 }).lean()).map((m) => String(m._id)));
  const missing = memberIds.find((id) => !members.has(id));
  if (missing) throw notFound('PartyMember', missing, 'memberIds');
  const month = new Date(found.closedAt!.getTime() + 8 * 3600_000).toISOString().slice(0, 7); // Beijing time
  return withLock(ctx.models.PointEntry.db, `joint-case-credits:${caseId}`, async () => {
    const credited = new Set((await caseCredits(ctx, caseId)).map((e) => e.memberId));
    const fresh = memberIds.filter((id) => !credited.has(id));
    if (credited.size + fresh.length > CASE_HELP.maxMembers) throw conflict(`a case credits at most ${CASE_HELP.maxMembers} members`, { field: 'memberIds' });
    for (const memberId of fresh) {
      await creditPoints(ctx.models, { memberId, points: CASE_HELP.points, reason: '参与一呼联动案件办结', sourceType: 'JOINT_CASE', sourceId: caseId, month, actor: actor(ctx) });
    }
    return caseCredits(ctx, caseId);
  });
}
