import { extendedEntity } from '@cg/kit';
import type { CommunityResolvers } from '../generated/resolvers-types';

export const Community = {
  ...extendedEntity,
  estates: (community, page, { loaders }) => loaders.estatesByCommunity(community.id, page),
} satisfies CommunityResolvers;
