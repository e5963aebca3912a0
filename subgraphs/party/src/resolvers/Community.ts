import { extendedEntity } from '@cg/kit';
import type { CommunityResolvers } from '../generated/resolvers-types';
import { requireYear } from '../inputs';
import { escalationMeasures } from '../escalation/measures';
import { jointMeetingMeasures } from '../meetings/measures';

/** Community (社区), owned by civil affairs; party adds the measures of the three-level link, joint meetings and deliberation. */
export const Community = {
  ...extendedEntity,
  escalationMeasures: (c, { year, quarter }, { models }) => escalationMeasures(models, c.id, year, quarter),
  jointMeetingMeasures: (c, { year }, { models }) => jointMeetingMeasures(models, c.id, year),
  deliberationMeasures: (community, { year }, { loaders }) => loaders.deliberationMeasuresOf(requireYear(year)).load(community.id),
} satisfies CommunityResolvers;
