import { archiveResponseUnit, createResponseUnit, updateResponseUnit } from '../commands/roster';
import type { MutationResolvers } from '../generated/resolvers-types';

/** The 1+3+N roster as master data (merged into Mutation in index.ts). */
export const rosterMutations = {
  createResponseUnit: (_, { input }, ctx) => createResponseUnit(ctx, input),
  updateResponseUnit: (_, { id, input }, ctx) => updateResponseUnit(ctx, id, input),
  archiveResponseUnit: (_, { id, reason }, ctx) => archiveResponseUnit(ctx, id, reason),
} satisfies MutationResolvers;
