import { entityResolvers, reference } from '@cg/kit';
import type { Context } from '../context';
import type { ServicePostDoc } from '../models/ServicePost';
import { requireYear } from '../inputs';

export const ServicePost = {
  ...entityResolvers((ctx: Context) => ctx.loaders.servicePost),
  grid: (post: ServicePostDoc) => reference(post.gridId),
  organization: (post: ServicePostDoc, _: unknown, { loaders }: Context) => loaders.organization.load(post.organizationId),
  claims: async (post: ServicePostDoc, { year }: { year?: number | null }, { loaders }: Context) =>
    [...(await loaders.claimsOfPost(year == null ? null : requireYear(year)).load(post._id))].sort((a, b) => b.year - a.year || a.claimedOn.localeCompare(b.claimedOn)),
};
