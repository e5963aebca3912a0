import { create__Entity__ } from '../__entities__';
import type { MutationResolvers } from '../generated/resolvers-types';

// Thin: validation and the write live in the domain module beside this folder.
export const Mutation = {
  create__Entity__: (_, { input }, ctx) => create__Entity__(ctx, input),
} satisfies MutationResolvers;
