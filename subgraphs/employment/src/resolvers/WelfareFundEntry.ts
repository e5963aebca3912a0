import { entityResolvers, reference } from '@cg/kit';
import type { Context } from '../context';
import type { WelfareFundEntryDoc } from '../models/WelfareFundEntry';

export const WelfareFundEntry = {
  ...entityResolvers((ctx: Context) => ctx.loaders.welfareFundEntry),
  fund: (entry: WelfareFundEntryDoc, _: unknown, { loaders }: Context) => loaders.welfareFund.load(entry.fundId),
  post: (entry: WelfareFundEntryDoc, _: unknown, { loaders }: Context) => (entry.postId ? loaders.welfarePost.load(entry.postId) : null),
  payee: (entry: WelfareFundEntryDoc) => reference(entry.payeeResidentId),
};
