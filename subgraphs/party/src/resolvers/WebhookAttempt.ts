import type { WebhookAttemptResolvers } from '../generated/resolvers-types';
import type { DeliveryAttempt } from '../models/Webhook';

/** An attempt is a subdocument of its delivery. */
export type WebhookAttemptParent = DeliveryAttempt;

export const WebhookAttempt = {
  at: (a) => new Date(a.at).toISOString(),
} satisfies WebhookAttemptResolvers;
