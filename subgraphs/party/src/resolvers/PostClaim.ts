import { entityResolvers, loadReferenced } from '@cg/kit';
import type { Context } from '../context';
import type { PostClaimResolvers } from '../generated/resolvers-types';

export const PostClaim = {
  ...entityResolvers((ctx: Context) => ctx.loaders.postClaim),
  post: (claim, _, { loaders }) => loadReferenced(loaders.servicePost, claim.postId, 'ServicePost'),
  member: (claim, _, { loaders }) => loadReferenced(loaders.member, claim.memberId, 'PartyMember'),
} satisfies PostClaimResolvers;
