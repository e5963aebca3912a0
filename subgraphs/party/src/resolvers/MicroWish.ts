import { entityResolvers, reference } from '@cg/kit';
import type { Context } from '../context';
import type { MicroWishDoc } from '../models/MicroWish';
import { isOverdue } from '../wishes';

export const MicroWish = {
  ...entityResolvers((ctx: Context) => ctx.loaders.microWish),
  organization: (wish: MicroWishDoc, _: unknown, { loaders }: Context) => loaders.organization.load(wish.organizationId),
  resident: (wish: MicroWishDoc) => reference(wish.residentId),
  claimedBy: (wish: MicroWishDoc, _: unknown, { loaders }: Context) => (wish.claimedById ? loaders.member.load(wish.claimedById) : null),
  overdue: (wish: MicroWishDoc) => isOverdue(wish),
};
