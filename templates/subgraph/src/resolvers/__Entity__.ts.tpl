import { entityResolvers, reference } from '@cg/kit';
import type { Context } from '../context';
import type { __Entity__Resolvers } from '../generated/resolvers-types';

export const __Entity__ = {
  ...entityResolvers((ctx: Context) => ctx.loaders.__entity__),
  resident: (doc) => reference(doc.residentId),
} satisfies __Entity__Resolvers;
