import type { Context } from '../context';
import { listSubscriptions, ownSubscription, subscribeWebhook, unsubscribeWebhook, type SubscribeInput } from '../events/subscriptions';
import type { DeliveryAttempt, WebhookDeliveryDoc, WebhookSubscriptionDoc } from '../models/Webhook';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

/** Event webhooks (事件订阅): merged into Query and Mutation in index.ts; the logic lives in src/events/. */
export const webhookQueries = {
  webhookSubscriptions: (_: unknown, args: { includeEnded?: boolean | null }, ctx: Context) => listSubscriptions(args.includeEnded, ctx),
  webhookSubscription: (_: unknown, args: { id: string }, ctx: Context) => ownSubscription(args.id, ctx),
};
export const webhookMutations = {
  subscribeWebhook: (_: unknown, args: { input: SubscribeInput }, ctx: Context) => subscribeWebhook(args.input, ctx),
  unsubscribeWebhook: (_: unknown, args: { id: string }, ctx: Context) => unsubscribeWebhook(args.id, ctx),
};

export const WebhookSubscription = {
  id: (s: WebhookSubscriptionDoc) => s._id,
  unit: (s: WebhookSubscriptionDoc, _: unknown, { loaders }: Context) => (s.unitId ? loaders.responseUnit.load(s.unitId) : null),
  organization: (s: WebhookSubscriptionDoc, _: unknown, { loaders }: Context) => (s.organizationId ? loaders.organization.load(s.organizationId) : null),
  createdAt: (s: WebhookSubscriptionDoc) => iso(s.createdAt),
  deliveries: async (s: WebhookSubscriptionDoc, args: { state?: string | null; first?: number | null }, { models }: Context) => {
    const first = Math.min(Math.max(args.first ?? 20, 0), 100);
    const filter = args.state ? { subscriptionId: s._id, state: args.state } : { subscriptionId: s._id };
    return models.WebhookDelivery.find(filter).sort({ createdAt: -1, _id: 1 }).limit(first).lean();
  },
};

export const WebhookDelivery = {
  id: (d: WebhookDeliveryDoc) => d._id,
  payload: (d: WebhookDeliveryDoc) => d.body,
  createdAt: (d: WebhookDeliveryDoc) => iso(d.createdAt),
  nextAttemptAt: (d: WebhookDeliveryDoc) => (d.state === 'PENDING' ? iso(d.nextAttemptAt) : null),
  deliveredAt: (d: WebhookDeliveryDoc) => iso(d.deliveredAt),
};

export const WebhookAttempt = {
  at: (a: DeliveryAttempt) => iso(a.at),
};
