import type { WebhookDeliveryResolvers } from '../generated/resolvers-types';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

export const WebhookDelivery = {
  id: (d) => d._id,
  payload: (d) => d.body,
  createdAt: (d) => new Date(d.createdAt).toISOString(),
  nextAttemptAt: (d) => (d.state === 'PENDING' ? iso(d.nextAttemptAt) : null),
  deliveredAt: (d) => iso(d.deliveredAt),
} satisfies WebhookDeliveryResolvers;
