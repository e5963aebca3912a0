import { entityResolvers, loadReferenced, todayInChina } from '@cg/kit';
import { claimDueOn } from '../claimsDue';
import type { Context } from '../context';
import type { PostClaimResolvers } from '../generated/resolvers-types';

export const PostClaim = {
  ...entityResolvers((ctx: Context) => ctx.loaders.postClaim),
  post: (claim, _, { loaders }) => loadReferenced(loaders.servicePost, claim.postId, 'ServicePost'),
  member: (claim, _, { loaders }) => loadReferenced(loaders.member, claim.memberId, 'PartyMember'),
  dueOn: (claim) => claimDueOn(claim),
  status: (claim) => (claim.status === 'DONE' ? 'DONE' : 'CLAIMED'),
  overdue: (claim) => (claim.doneOn ?? todayInChina()) > claimDueOn(claim),
} satisfies PostClaimResolvers;
