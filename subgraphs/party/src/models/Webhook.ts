import type { Connection } from 'mongoose';
import { entitySchema } from '@cg/kit';

export const WEBHOOK_EVENT_TYPES = ['CASE_DISPATCHED', 'CASE_RETURNED', 'WHISTLE_RAISED', 'DEADLINE_NEAR', 'CASE_OVERDUE', 'WISH_CLAIMED', 'WISH_DONE'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** A partner system's subscription (事件订阅): events about one response unit, community or party organisation. */
const webhookSubscriptionSchema = entitySchema('webhook_subscriptions', {
  url: { type: String, required: true },
  events: { type: [String], required: true },
  /** HMAC-SHA256 key the payloads are signed with; shown to the subscriber once, when created. */
  secret: { type: String, required: true },
  unitId: String,
  communityId: String,
  organizationId: String,
  /** For DEADLINE_NEAR: how many hours before dueAt. */
  withinHours: Number,
  /** The department (`identity.department`) that created it: only it sees and ends it. */
  ownerDepartment: { type: String, required: true },
  createdBy: String,
  createdAt: { type: Date, required: true },
  active: { type: Boolean, required: true, default: true },
});
webhookSubscriptionSchema.index({ active: 1 });
webhookSubscriptionSchema.index({ ownerDepartment: 1 });

export interface WebhookSubscriptionDoc {
  _id: string;
  url: string;
  events: WebhookEventType[];
  secret: string;
  unitId?: string | null;
  communityId?: string | null;
  organizationId?: string | null;
  withinHours?: number | null;
  ownerDepartment: string;
  createdBy?: string | null;
  createdAt: Date;
  active: boolean;
}

/**
 * Outbox (发件箱). `PENDING`: written before the change it announces, not yet known to have happened (never
 * delivered); `READY`: the change happened, events to fan out; `FANNED`: a delivery exists for every matching
 * subscription. `_id` is derived from the change (entity + version or step), so a retried change finds its record.
 */
const outboxEventSchema = entitySchema('outbox_events', {
  state: { type: String, required: true, enum: ['PENDING', 'READY', 'FANNED'] },
  entity: { type: String, required: true },
  entityId: { type: String, required: true },
  /** The entity's version (case) or step (wish) the change produces. */
  change: { type: String, required: true },
  createdAt: { type: Date, required: true },
  /** Filled when READY: what happened, to whom. */
  events: {
    type: [{ _id: false, id: String, type: { type: String }, at: Date, communityId: String, unitIds: [String], organizationId: String, subscriptionId: String, data: String }],
    default: [],
  },
});
outboxEventSchema.index({ state: 1 });

export interface OutboxEntry {
  id: string;
  type: WebhookEventType;
  at: Date;
  communityId?: string | null;
  unitIds: string[];
  organizationId?: string | null;
  /** Set for per-subscription events (DEADLINE_NEAR uses each subscription's own window). */
  subscriptionId?: string | null;
  /** The JSON `data` of the payload. */
  data: string;
}
export interface OutboxEventDoc {
  _id: string;
  state: 'PENDING' | 'READY' | 'FANNED';
  entity: string;
  entityId: string;
  change: string;
  createdAt: Date;
  events: OutboxEntry[];
}

/** One event for one subscription, with every attempt to deliver it (投递记录). `_id` = stableId(event, subscription). */
const webhookDeliverySchema = entitySchema('webhook_deliveries', {
  subscriptionId: { type: String, required: true },
  eventId: { type: String, required: true },
  eventType: { type: String, required: true },
  body: { type: String, required: true },
  state: { type: String, required: true, enum: ['PENDING', 'DELIVERED', 'FAILED'] },
  nextAttemptAt: { type: Date, required: true },
  deliveredAt: Date,
  createdAt: { type: Date, required: true },
  attempts: { type: [{ _id: false, at: Date, statusCode: Number, error: String, durationMs: Number, by: String }], default: [] },
});
webhookDeliverySchema.index({ state: 1, nextAttemptAt: 1 });
webhookDeliverySchema.index({ subscriptionId: 1, createdAt: -1 });

export interface DeliveryAttempt {
  at: Date;
  statusCode?: number | null;
  error?: string | null;
  durationMs: number;
  by: string;
}
export interface WebhookDeliveryDoc {
  _id: string;
  subscriptionId: string;
  eventId: string;
  eventType: WebhookEventType;
  body: string;
  state: 'PENDING' | 'DELIVERED' | 'FAILED';
  nextAttemptAt: Date;
  deliveredAt?: Date | null;
  createdAt: Date;
  attempts: DeliveryAttempt[];
}

export const webhookModels = (connection: Connection) => ({
  WebhookSubscription: connection.model('WebhookSubscription', webhookSubscriptionSchema),
  OutboxEvent: connection.model('OutboxEvent', outboxEventSchema),
  WebhookDelivery: connection.model('WebhookDelivery', webhookDeliverySchema),
});
