import { conflict, isDuplicateKey, notFound, stableId } from '@cg/kit';
import type { Context } from '../context';
import type { JointCaseDoc } from '../models/JointCase';

/** Steps escalation adds to a case's history (they leave its status as it is). */
export const ESCALATION_STEPS = ['ESCALATE', 'FORWARD_TO_COUNTY', 'ON_SITE_MEETING', 'ESCALATION_RESOLVED'] as const;
export type EscalationStep = (typeof ESCALATION_STEPS)[number];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reports back to a case (回告案件): appends one event to its history without changing its status, as a case step
 * does: it claims the case's current version (the same JointCaseStep row the steps insert, so it races with them
 * safely on FerretDB v1) and bumps the version, keeping "history entry v ↔ version v" for the outbox.
 */
export async function appendCaseEvent(ctx: Pick<Context, 'models' | 'identity'>, caseId: string, step: EscalationStep, note: string): Promise<void> {
  const { models } = ctx;
  for (let attempt = 0; attempt < 8; attempt++) {
    const doc = (await models.JointCase.findById(caseId).lean()) as JointCaseDoc | null;
    if (!doc) throw notFound('JointCase', caseId, 'caseId');
    const now = new Date();
    const claim = stableId('joint-case-step', doc._id, doc.version);
    try {
      await models.JointCaseStep.create({ _id: claim, caseId, version: doc.version, step, by: ctx.identity?.subject ?? null, at: now });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await sleep(5 + attempt * 10);
      continue;
    }
    const event = { at: now, by: ctx.identity?.subject ?? null, role: ctx.identity?.role ?? null, step, from: doc.status, to: doc.status, unitId: null, note };
    const updated = await models.JointCase.findOneAndUpdate(
      { _id: caseId, version: doc.version },
      { $inc: { version: 1 }, $push: { history: event } },
      { returnDocument: 'after' },
    ).lean();
    if (updated) return;
    await models.JointCaseStep.deleteOne({ _id: claim });
  }
  throw conflict('the case is busy; try again', { field: 'caseId', reason: 'BUSY' });
}
