import { entityResolvers, reference } from '@cg/kit';
import type { Context } from '../context';
import type { DeliberationSessionResolvers } from '../generated/resolvers-types';
import type { DeliberationTopicDoc } from '../models/Deliberation';

export const DeliberationSession = {
  ...entityResolvers((ctx: Context) => ctx.loaders.deliberationSession),
  community: (session) => reference(session.communityId),
  grid: (session) => reference(session.gridId),
  // At most 20 ids, one batched read; the access layer drops topics outside the caller's scope from the list.
  topics: async (session, _, { loaders }) => (await loaders.deliberationTopic.loadMany(session.topicIds)).filter((t): t is DeliberationTopicDoc => !!t && !(t instanceof Error)),
  participantCount: (session) => session.participants.length,
} satisfies DeliberationSessionResolvers;
