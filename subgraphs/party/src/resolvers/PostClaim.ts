import { entityResolvers } from '@cg/kit';
import type { Context } from '../context';
import type { PostClaimDoc } from '../models/PostClaim';

export const PostClaim = {
  ...entityResolvers((ctx: Context) => ctx.loaders.postClaim),
  post: (claim: PostClaimDoc, _: unknown, { loaders }: Context) => loaders.servicePost.load(claim.postId),
  member: (claim: PostClaimDoc, _: unknown, { loaders }: Context) => loaders.member.load(claim.memberId),
};
