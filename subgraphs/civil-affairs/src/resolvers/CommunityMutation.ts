import type { MutationResolvers } from '../generated/resolvers-types';
import { archiveCommunity, createCommunity, recountCommunity, updateCommunity } from '../masterData/communities';
import { assertId } from '@cg/kit';

/** Community master data (merged into Mutation in index.ts); the rules live in masterData/. */
export const communityMutations = {
  createCommunity: (_, { input }, ctx) => createCommunity(ctx, input),
  updateCommunity: (_, { id, input }, ctx) => updateCommunity(ctx, id, input),
  archiveCommunity: (_, { id, reason }, ctx) => archiveCommunity(ctx, id, reason),
  recountCommunity: (_, { id }, ctx) => recountCommunity(ctx, assertId(id, 'id')),
} satisfies MutationResolvers;
