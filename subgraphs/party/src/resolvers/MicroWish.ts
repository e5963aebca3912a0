import { entityResolvers, loadReferenced, reference } from '@cg/kit';
import type { Context } from '../context';
import type { MicroWishResolvers } from '../generated/resolvers-types';
import { isOverdue } from '../wishes';

export const MicroWish = {
  ...entityResolvers((ctx: Context) => ctx.loaders.microWish),
  organization: (wish, _, { loaders }) => loadReferenced(loaders.organization, wish.organizationId, 'PartyOrganization'),
  resident: (wish) => reference(wish.residentId),
  claimedBy: (wish, _, { loaders }) => (wish.claimedById ? loaders.member.load(wish.claimedById) : null),
  overdue: (wish) => isOverdue(wish),
} satisfies MicroWishResolvers;
