import { entityResolvers, reference } from '@cg/kit';
import type { Context } from '../context';
import type { WelfarePostDoc } from '../models/WelfarePost';

export const WelfarePost = {
  ...entityResolvers((ctx: Context) => ctx.loaders.welfarePost),
  fund: (post: WelfarePostDoc, _: unknown, { loaders }: Context) => loaders.welfareFund.load(post.fundId),
  holder: (post: WelfarePostDoc) => reference(post.holderResidentId),
};
