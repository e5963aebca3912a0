import { entityResolvers, loadReferenced, reference } from '@cg/kit';
import type { Context } from '../context';
import type { WelfarePostResolvers } from '../generated/resolvers-types';

export const WelfarePost = {
  ...entityResolvers((ctx: Context) => ctx.loaders.welfarePost),
  fund: (post, _, { loaders }) => loadReferenced(loaders.welfareFund, post.fundId, 'WelfareFund'),
  holder: (post) => reference(post.holderResidentId),
} satisfies WelfarePostResolvers;
