import { assertId, createOnce, requireDate, requireNonBlank } from '@cg/kit';
import type { MutationResolvers } from '../generated/resolvers-types';
import type { __Entity__Doc } from '../models/__Entity__';

export const Mutation: MutationResolvers = {
  // Validate everything, confirm the resident with civil affairs (never its database), then write once.
  create__Entity__: async (_, { input }, ctx) => {
    const residentId = assertId(input.residentId, 'residentId');
    const summary = requireNonBlank(input.summary, 'summary', 500);
    const occurredOn = requireDate(input.occurredOn, 'occurredOn');
    await ctx.peers.requireEntities('civil-affairs', 'Resident', [residentId], 'residentId');
    const doc = { residentId, summary, occurredOn, recordedBy: ctx.identity?.subject ?? null };
    const { doc: created } = await createOnce<__Entity__Doc>(ctx.models.__Entity__, doc, {
      idempotencyKey: input.idempotencyKey,
      caller: ctx.identity?.subject,
      input: { residentId, summary, occurredOn },
    });
    return created;
  },
};
