import { assertId, badInput, newId, requireNonBlank, requireRange } from '@cg/kit';
import { applyStep, type StepArgs, type StepContext } from './engine';
import { loadUnits, requireSameCommunity } from './tasks';
import { reportBy } from './timeLimits';
import type { JointCaseDoc, WhistleCall } from '../models/JointCase';

/**
 * 吹哨报到: the community blows the whistle naming the units that must report 报到 by a deadline (default 30 min);
 * each named unit reports; afterwards the community rates each unit that reported. 问单: the party secretary's
 * inquiries. All kept on the case document, as steps that leave the status unchanged.
 */
export async function blowWhistle(ctx: StepContext, args: StepArgs & { unitIds: string[]; reportWithinMinutes?: number | null; note?: string | null }) {
  if (!args.unitIds?.length) throw badInput('name at least one unit that must report', { field: 'unitIds' });
  if (args.reportWithinMinutes != null) requireRange(args.reportWithinMinutes, 'reportWithinMinutes', 1, 24 * 60);
  const note = args.note == null ? null : requireNonBlank(args.note, 'note');
  const units = await loadUnits(ctx.models, args.unitIds, 'unitIds');
  return applyStep(ctx, 'WHISTLE', args, { units: units.map((u) => u._id), minutes: args.reportWithinMinutes ?? null, note }, (doc, now) => {
    requireSameCommunity(units, doc, 'unitIds');
    const whistleId = newId();
    const deadline = reportBy(now, args.reportWithinMinutes);
    const calls: WhistleCall[] = units.map((u) => ({
      whistleId,
      unitId: u._id,
      unitName: u.name,
      department: u.department,
      reportBy: deadline,
      reportedAt: null,
      onTime: 0,
      rating: null,
      ratedBy: null,
    }));
    return {
      set: { 'm.whistled': 1 },
      push: { whistles: { id: whistleId, blownAt: now, blownBy: ctx.identity?.subject ?? null, reportBy: deadline, note }, whistleCalls: { $each: calls } },
      note: note ?? `吹哨: ${units.map((u) => u.name).join('、')}`,
    };
  });
}

/** The unit's latest call (of one whistle, when named) matching `pick`; BAD_USER_INPUT when there is none. */
function findCall(doc: JointCaseDoc, unitId: string, whistleId: string | null | undefined, pick: (c: WhistleCall) => boolean, why: string): number {
  for (let i = doc.whistleCalls.length - 1; i >= 0; i--) {
    const c = doc.whistleCalls[i]!;
    if (c.unitId === unitId && (!whistleId || c.whistleId === whistleId) && pick(c)) return i;
  }
  throw badInput(why, { field: 'unitId' });
}

/** 报到: the named unit reports; on time when by the deadline. */
export function report(ctx: StepContext, args: StepArgs & { unitId: string; whistleId?: string | null }) {
  const unitId = assertId(args.unitId, 'unitId');
  return applyStep(ctx, 'REPORT', args, { unitId, whistleId: args.whistleId ?? null }, (doc, now) => {
    const i = findCall(doc, unitId, args.whistleId, (c) => !c.reportedAt, 'no whistle on this case waits for this unit to report');
    const call = doc.whistleCalls[i]!;
    const calls = doc.whistleCalls.map((c, j) => (j === i ? { ...c, reportedAt: now, onTime: now <= new Date(c.reportBy) ? 1 : 0 } : c));
    return { set: { whistleCalls: calls }, unitId, unitDepartment: call.department, note: '报到' };
  });
}

/** The community rates (1–5) a unit that reported to a whistle, once. */
export function rateReport(ctx: StepContext, args: StepArgs & { unitId: string; whistleId?: string | null; score: number }) {
  const unitId = assertId(args.unitId, 'unitId');
  const score = requireRange(args.score, 'score', 1, 5);
  if (!Number.isInteger(score)) throw badInput('score must be a whole number from 1 to 5', { field: 'score' });
  return applyStep(ctx, 'RATE_REPORT', args, { unitId, whistleId: args.whistleId ?? null, score }, (doc) => {
    const i = findCall(doc, unitId, args.whistleId, (c) => !!c.reportedAt && c.rating == null, 'the unit has no report waiting for a rating');
    const calls = doc.whistleCalls.map((c, j) => (j === i ? { ...c, rating: score, ratedBy: ctx.identity?.subject ?? null } : c));
    return { set: { whistleCalls: calls }, unitId, note: `报到评价 ${score}` };
  });
}

/** 问单: the party secretary asks after the case; the question is recorded on it. */
export function inquire(ctx: StepContext, args: StepArgs & { note: string }) {
  const note = requireNonBlank(args.note, 'note');
  return applyStep(ctx, 'INQUIRE', args, { note }, (_doc, now) => ({
    push: { inquiries: { at: now, by: ctx.identity?.subject ?? null, note } },
    note,
  }));
}
