import { actor, assertId, createOnce, requireDate, requireNonBlank } from '@cg/kit';
import type { Context } from './context';
import type { Create__Entity__Input } from './generated/resolvers-types';
import type { __Entity__Doc } from './models/__Entity__';

/** Validates everything, confirms the resident with civil affairs (never its database), then writes once. */
export async function create__Entity__(ctx: Context, input: Create__Entity__Input): Promise<__Entity__Doc> {
  const residentId = assertId(input.residentId, 'residentId');
  const summary = requireNonBlank(input.summary, 'summary', 500);
  const occurredOn = requireDate(input.occurredOn, 'occurredOn');
  await ctx.peers.requireEntities('civil-affairs', 'Resident', [residentId], 'residentId');
  const doc = { residentId, summary, occurredOn, recordedBy: actor(ctx) };
  const { doc: created } = await createOnce<__Entity__Doc>(ctx.models.__Entity__, doc, {
    idempotencyKey: input.idempotencyKey,
    caller: actor(ctx),
    input: { residentId, summary, occurredOn },
  });
  return created;
}
