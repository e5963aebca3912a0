import type { QueryResolvers, MutationResolvers, WebhookSubscriptionResolvers } from '../generated/resolvers-types';
import { listSubscriptions, ownSubscription, subscribeWebhook, unsubscribeWebhook } from '../events/subscriptions';
import type { WebhookDeliveryDoc } from '../models/Webhook';

/** Event webhooks (事件订阅): merged into Query and Mutation in index.ts; the logic lives in src/events/. */
export const webhookQueries = {
  webhookSubscriptions: (_, args, ctx) => listSubscriptions(ctx, args.includeEnded),
  webhookSubscription: (_, args, ctx) => ownSubscription(ctx, args.id),
} satisfies QueryResolvers;

export const webhookMutations = {
  subscribeWebhook: (_, args, ctx) => subscribeWebhook(ctx, args.input),
  unsubscribeWebhook: (_, args, ctx) => unsubscribeWebhook(ctx, args.id),
} satisfies MutationResolvers;

export const WebhookSubscription = {
  id: (s) => s._id,
  unit: (s, _, { loaders }) => (s.unitId ? loaders.responseUnit.load(s.unitId) : null),
  organization: (s, _, { loaders }) => (s.organizationId ? loaders.organization.load(s.organizationId) : null),
  createdAt: (s) => new Date(s.createdAt).toISOString(),
  deliveries: async (s, args, { models }) => {
    const first = Math.min(Math.max(args.first ?? 20, 0), 100);
    const filter = args.state ? { subscriptionId: s._id, state: args.state } : { subscriptionId: s._id };
    return models.WebhookDelivery.find(filter).sort({ createdAt: -1, _id: 1 }).limit(first).lean<WebhookDeliveryDoc[]>();
  },
} satisfies WebhookSubscriptionResolvers;
