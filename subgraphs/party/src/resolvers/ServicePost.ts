import { entityResolvers, loadReferenced, reference } from '@cg/kit';
import type { Context } from '../context';
import type { ServicePostResolvers } from '../generated/resolvers-types';
import { requireYear } from '../inputs';

export const ServicePost = {
  ...entityResolvers((ctx: Context) => ctx.loaders.servicePost),
  grid: (post) => reference(post.gridId),
  organization: (post, _, { loaders }) => loadReferenced(loaders.organization, post.organizationId, 'PartyOrganization'),
  claims: async (post, { year }, { loaders }) =>
    [...(await loaders.claimsOfPost(year == null ? null : requireYear(year)).load(post._id))].sort((a, b) => b.year - a.year || a.claimedOn.localeCompare(b.claimedOn)),
} satisfies ServicePostResolvers;
