import { assertId, createOnce, notFound, requireDate, requireNonBlank } from '@cg/kit';
import type { Context } from '../context';
import type { VisitDoc } from '../models/Visit';

interface RecordVisitInput {
  householdId: string;
  visitedOn: string;
  reason: string;
  note?: string | null;
  idempotencyKey?: string | null;
}

export const Mutation = {
  /** Validates everything, then one insert keyed by the idempotency key (kit/src/idempotency.ts). */
  async recordVisit(_: unknown, { input }: { input: RecordVisitInput }, ctx: Context): Promise<VisitDoc> {
    const householdId = assertId(input.householdId, 'householdId');
    const visitedOn = requireDate(input.visitedOn, 'visitedOn');
    const note = input.note == null ? undefined : requireNonBlank(input.note, 'note', 500);
    if (!(await ctx.loaders.household.load(householdId))) householdNotFound(householdId);
    const doc = { householdId, visitedOn, reason: input.reason, note, recordedBy: ctx.identity?.subject ?? null };
    const { doc: visit } = await createOnce<VisitDoc>(ctx.models.Visit, doc, {
      idempotencyKey: input.idempotencyKey,
      caller: ctx.identity?.subject,
      input: { householdId, visitedOn, reason: input.reason, note },
    });
    return visit;
  },
};

function householdNotFound(id: string): never {
  const error = notFound('Household', id);
  Object.assign(error.extensions, { field: 'householdId' });
  throw error;
}
