import { andFilters, assertId, entityResolvers, fetchById, loadReferenced, paginate, reference } from '@cg/kit';
import type { Context } from '../context';
import type { DeliberationTopicResolvers, MutationResolvers, QueryResolvers } from '../generated/resolvers-types';
import type { DeliberationSessionDoc, DeliberationTopicDoc } from '../models/Deliberation';
import { requireYear } from '../inputs';
import { holdDeliberationSession } from '../deliberation/sessions';
import { raiseCaseFromDeliberation, raiseDeliberationTopic, recordDeliberationOutcome, referDeliberationToMeeting } from '../deliberation/topics';

export const DeliberationTopic = {
  ...entityResolvers((ctx: Context) => ctx.loaders.deliberationTopic),
  raisedByResident: (topic) => reference(topic.raisedByResidentId),
  grid: (topic) => reference(topic.gridId),
  community: (topic) => reference(topic.communityId),
  session: (topic, _, { loaders }) => (topic.sessionId ? loadReferenced(loaders.deliberationSession, topic.sessionId, 'DeliberationSession') : null),
} satisfies DeliberationTopicResolvers;

/** Query fields of 议事协商 (merged into Query in index.ts); lists hold only rows in the caller's scope. */
export const deliberationQueries = {
  deliberationTopic: fetchById((ctx: Context) => ctx.loaders.deliberationTopic),
  deliberationTopics: (_, { filter, ...page }, ctx) => {
    const own = { communityId: assertId(filter.communityId, 'filter.communityId'), ...(filter.status ? { status: filter.status } : {}) };
    return paginate<DeliberationTopicDoc>(ctx.models.DeliberationTopic, andFilters(own, ctx.scopeFilter('DeliberationTopic')), { raisedOn: -1 }, page);
  },
  deliberationSession: fetchById((ctx: Context) => ctx.loaders.deliberationSession),
  deliberationSessions: (_, { communityId, year, ...page }, ctx) => {
    const own = { communityId: assertId(communityId, 'communityId'), year: requireYear(year) };
    return paginate<DeliberationSessionDoc>(ctx.models.DeliberationSession, andFilters(own, ctx.scopeFilter('DeliberationSession')), { heldOn: -1 }, page);
  },
} satisfies QueryResolvers;

export const deliberationMutations = {
  raiseDeliberationTopic: (_, { input }, ctx) => raiseDeliberationTopic(ctx, input),
  holdDeliberationSession: (_, { input }, ctx) => holdDeliberationSession(ctx, input),
  recordDeliberationOutcome: (_, { input }, ctx) => recordDeliberationOutcome(ctx, input),
  raiseCaseFromDeliberation: (_, { input }, ctx) => raiseCaseFromDeliberation(ctx, input),
  referDeliberationToMeeting: (_, { input }, ctx) => referDeliberationToMeeting(ctx, input),
} satisfies MutationResolvers;
