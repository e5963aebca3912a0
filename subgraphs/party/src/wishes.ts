/**
 * 微心愿 lifecycle (JH): PUBLISHED → CLAIMED (领单) → DONE (办结) → APPROVED (审定). Each step is one conditional
 * `updateOne` on the wish (filter on the expected status), so two members claiming at once cannot both win, and an
 * illegal step is a CONFLICT that changes nothing.
 */
import { conflict, notFound, updateIf } from '@cg/kit';
import { withOutbox, wishSource } from './events/outbox';
import type { Models } from './models';
import type { MicroWishDoc } from './models/MicroWish';

type WishStep = 'claim' | 'complete' | 'approve';

const WISH_STEPS: Record<WishStep, { from: MicroWishDoc['status']; to: MicroWishDoc['status'] }> = {
  claim: { from: 'PUBLISHED', to: 'CLAIMED' },
  complete: { from: 'CLAIMED', to: 'DONE' },
  approve: { from: 'DONE', to: 'APPROVED' },
};

/** Points the member gets when the wish is approved: on time and well rated earns, poorly rated costs (lateness is deducted apart). */
export const WISH_POINTS = { onTimeAndGood: 10, poor: -5 } as const;

export const isOverdue = (wish: Pick<MicroWishDoc, 'dueOn' | 'doneOn'>) => Boolean(wish.doneOn && wish.doneOn > wish.dueOn);

export async function loadWish(models: Models, id: string): Promise<MicroWishDoc> {
  const wish = (await models.MicroWish.findById(id).lean()) as MicroWishDoc | null;
  if (!wish) throw notFound('MicroWish', id);
  return wish;
}

/**
 * Moves the wish one step if it is still as `seen` (same status and, for safety, the same step dates). Returns the
 * updated wish; CONFLICT when it was not in the step's starting status.
 */
export async function stepWish(models: Models, seen: MicroWishDoc, step: WishStep, set: Record<string, unknown>): Promise<MicroWishDoc> {
  const { from, to } = WISH_STEPS[step];
  if (seen.status !== from) throw illegal(seen, step);
  // updateIf: two concurrent claims must not both match the PUBLISHED filter, on FerretDB v1 too.
  const write = () => updateIf<MicroWishDoc>(models.MicroWish, seen._id, { status: from }, { $set: { ...set, status: to } });
  // Claims and completions are announced to partners through the outbox (events/outbox.ts).
  const updated = step === 'approve' ? await write() : await withOutbox(models, wishSource, seen._id, step, write);
  if (updated) return updated;
  throw illegal(await loadWish(models, seen._id), step);
}

function illegal(wish: MicroWishDoc, step: WishStep) {
  return conflict(`cannot ${step} a micro-wish that is ${wish.status}; it must be ${WISH_STEPS[step].from}`, {
    field: 'id',
    status: wish.status,
  });
}
