import { entityResolvers, loadReferenced, reference } from '@cg/kit';
import type { Context } from '../context';
import type { WelfareFundEntryResolvers } from '../generated/resolvers-types';

export const WelfareFundEntry = {
  ...entityResolvers((ctx: Context) => ctx.loaders.welfareFundEntry),
  fund: (entry, _, { loaders }) => loadReferenced(loaders.welfareFund, entry.fundId, 'WelfareFund'),
  post: (entry, _, { loaders }) => (entry.postId ? loaders.welfarePost.load(entry.postId) : null),
  payee: (entry) => reference(entry.payeeResidentId),
} satisfies WelfareFundEntryResolvers;
