import { extendedEntity } from '@cg/kit';
import type { CommunityResolvers } from '../generated/resolvers-types';

export const Community = {
  ...extendedEntity,
  estates: (community, _, { loaders }) => loaders.estatesByCommunity.load(community.id),
} satisfies CommunityResolvers;
