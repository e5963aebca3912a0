import { fetchById, paginate } from '@cg/kit';
import type { Context } from '../context';
import type { QueryResolvers } from '../generated/resolvers-types';
import type { __Entity__Doc } from '../models/__Entity__';

export const Query = {
  __entity__: fetchById((ctx: Context) => ctx.loaders.__entity__),
  __entities__: (_, { first, after }, { models }) => paginate<__Entity__Doc>(models.__Entity__, {}, { occurredOn: -1 }, { first, after }),
} satisfies QueryResolvers;
