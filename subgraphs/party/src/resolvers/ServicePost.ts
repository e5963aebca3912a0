import { entityResolvers, loadReferenced, reference } from '@cg/kit';
import type { Context } from '../context';
import type { ServicePostResolvers } from '../generated/resolvers-types';
import { requireYear } from '../inputs';

export const ServicePost = {
  ...entityResolvers((ctx: Context) => ctx.loaders.servicePost),
  grid: (post) => reference(post.gridId),
  organization: (post, _, { loaders }) => loadReferenced(loaders.organization, post.organizationId, 'PartyOrganization'),
  claims: (post, { year, ...page }, { loaders }) => loaders.claimsOfPost(year == null ? null : requireYear(year))(post._id, page),
} satisfies ServicePostResolvers;
