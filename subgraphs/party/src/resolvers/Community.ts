import { extendedEntity } from '@cg/kit';
import type { CommunityResolvers } from '../generated/resolvers-types';
import { requireYear } from '../inputs';

export const Community = {
  ...extendedEntity,
  deliberationMeasures: (community, { year }, { loaders }) => loaders.deliberationMeasuresOf(requireYear(year)).load(community.id),
} satisfies CommunityResolvers;
