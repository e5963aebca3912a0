import { entityResolvers } from '@cg/kit';
import type { Context } from '../context';
import type { __Entity__Resolvers } from '../generated/resolvers-types';

export const __Entity__: __Entity__Resolvers = {
  ...entityResolvers((ctx: Context) => ctx.loaders.__entity__),
  resident: (doc) => ({ id: doc.residentId }),
};
