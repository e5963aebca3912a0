import { randomUUID } from 'node:crypto';
import { isDuplicateKey, positiveFromEnv, signWebhook, SIGNATURE_HEADER, stableId, trusted } from '@cg/kit';
import type { Connection } from 'mongoose';
import { ON_THE_CLOCK } from '../jointCase/lifecycle';
import type { Models } from '../models';
import type { JointCaseDoc } from '../models/JointCase';
import type { OutboxEntry, OutboxEventDoc, WebhookDeliveryDoc, WebhookSubscriptionDoc } from '../models/Webhook';
import { recordOnce, settlePending } from './outbox';

/**
 * The dispatcher (投递): fans READY outbox records out into one delivery per matching subscription (ids derived from
 * event + subscription, so a repeated fan-out adds nothing), then POSTs each due delivery, signed, with the event id
 * as `Idempotency-Key`. Every replica of the department runs one: a delivery is taken under a lease (an insert into
 * `locks`, atomic on FerretDB too) held for longer than a POST may last, so two dispatchers do not send it at once;
 * a dispatcher killed mid-POST leaves a lease that expires and the delivery is sent again (at least once — the
 * receiver drops the repeat by its key). Failures retry with exponential backoff and jitter, up to maxAttempts.
 */
export interface DispatcherOptions {
  pollMs: number;
  backoffMs: number;
  maxBackoffMs: number;
  maxAttempts: number;
  timeoutMs: number;
  /** How often deadlines and overdue cases are looked for. */
  scanMs: number;
  concurrency: number;
}

function dispatcherOptionsFromEnv(env = process.env): DispatcherOptions {
  const n = (name: string, fallback: number) => positiveFromEnv(env, name, fallback);
  return {
    pollMs: n('CG_WEBHOOK_POLL_MS', 500),
    backoffMs: n('CG_WEBHOOK_BACKOFF_MS', 1000),
    maxBackoffMs: n('CG_WEBHOOK_MAX_BACKOFF_MS', 600_000),
    maxAttempts: n('CG_WEBHOOK_MAX_ATTEMPTS', 15),
    timeoutMs: n('CG_WEBHOOK_TIMEOUT_MS', 10_000),
    scanMs: n('CG_WEBHOOK_SCAN_MS', 60_000),
    concurrency: n('CG_WEBHOOK_CONCURRENCY', 8),
  };
}

/** Exponential backoff with jitter: a random delay in [½, 1] × min(cap, base × 2^attempt), so retries of many receivers spread out. */
export const backoff = (attempt: number, o: Pick<DispatcherOptions, 'backoffMs' | 'maxBackoffMs'>, random = Math.random) =>
  Math.round(Math.min(o.maxBackoffMs, o.backoffMs * 2 ** attempt) * (0.5 + random() / 2));

export const matches = (s: WebhookSubscriptionDoc, e: OutboxEntry) =>
  s.events.includes(e.type) &&
  (e.subscriptionId
    ? e.subscriptionId === s._id
    : (!!s.unitId && e.unitIds.includes(s.unitId)) || (!!s.communityId && s.communityId === e.communityId) || (!!s.organizationId && s.organizationId === e.organizationId));

const payloadOf = (e: OutboxEntry, s: WebhookSubscriptionDoc) =>
  JSON.stringify({ id: e.id, type: e.type, occurredAt: new Date(e.at).toISOString(), subscriptionId: s._id, data: JSON.parse(e.data) });

/** One delivery per matching active subscription for every READY record, then FANNED. */
async function fanOut(models: Models, now = new Date()): Promise<number> {
  const ready = (await models.OutboxEvent.find({ state: 'READY' }).limit(200).lean()) as OutboxEventDoc[];
  if (!ready.length) return 0;
  const subscriptions = (await models.WebhookSubscription.find({ active: true }).lean()) as WebhookSubscriptionDoc[];
  let created = 0;
  for (const record of ready) {
    const deliveries = record.events.flatMap((e) =>
      subscriptions
        .filter((s) => matches(s, e))
        .map((s) => ({
          _id: stableId('delivery', e.id, s._id),
          subscriptionId: s._id,
          eventId: e.id,
          eventType: e.type,
          body: payloadOf(e, s),
          state: 'PENDING',
          nextAttemptAt: now,
          createdAt: now,
          attempts: [],
        })),
    );
    if (deliveries.length) {
      try {
        created += (await models.WebhookDelivery.insertMany(deliveries, { ordered: false })).length;
      } catch (error) {
        if (!isDuplicateKey(error) && !(error as { writeErrors?: unknown[] }).writeErrors) throw error;
      }
    }
    await models.OutboxEvent.updateOne({ _id: record._id, state: 'READY' }, { $set: { state: 'FANNED' } });
  }
  return created;
}

/** Records DEADLINE_NEAR (per subscription and its window) and CASE_OVERDUE (per case and due time), each once. */
async function scanDeadlines(models: Models, now = new Date()): Promise<number> {
  const subscriptions = ((await models.WebhookSubscription.find({ active: true }).lean()) as WebhookSubscriptionDoc[]).filter(
    (s) => s.events.includes('DEADLINE_NEAR') || s.events.includes('CASE_OVERDUE'),
  );
  if (!subscriptions.length) return 0;
  const horizon = Math.max(0, ...subscriptions.map((s) => s.withinHours ?? 0));
  const cases = (await models.JointCase.find({
    status: trusted({ $in: [...ON_THE_CLOCK] }),
    dueAt: trusted({ $lte: new Date(now.getTime() + horizon * 3_600_000) }),
  }).lean()) as unknown as JointCaseDoc[];
  let recorded = 0;
  for (const c of cases) {
    const due = new Date(c.dueAt);
    const unitIds = c.tasks.filter((t) => t.status === 'PENDING' || t.status === 'ACCEPTED').map((t) => t.unitId);
    const data = JSON.stringify({ caseId: c._id, status: c.status, category: c.category, urgency: c.urgency, communityId: c.communityId, gridId: c.gridId, dueAt: due });
    const base = { communityId: c.communityId, unitIds, organizationId: null, data };
    if (due <= now) {
      if (
        await recordOnce(models, 'CaseOverdue', c._id, due.toISOString(), (id) => [
          { ...base, id: stableId(id, 'CASE_OVERDUE'), type: 'CASE_OVERDUE', at: due, subscriptionId: null },
        ])
      )
        recorded++;
      continue;
    }
    for (const s of subscriptions) {
      const window = s.withinHours ?? 0;
      if (!s.events.includes('DEADLINE_NEAR') || due.getTime() - now.getTime() > window * 3_600_000) continue;
      if (!matches(s, { ...base, id: '', type: 'DEADLINE_NEAR', at: now, subscriptionId: null })) continue;
      if (
        await recordOnce(models, 'CaseDeadline', c._id, `${due.toISOString()}:${s._id}`, (id) => [
          { ...base, id: stableId(id, 'DEADLINE_NEAR'), type: 'DEADLINE_NEAR', at: now, subscriptionId: s._id },
        ])
      )
        recorded++;
    }
  }
  return recorded;
}

/** Takes the lease on `key` unless another live holder has it (an expired lease is taken over). */
async function tryLease(connection: Connection, key: string, owner: string, leaseMs: number): Promise<boolean> {
  const locks = connection.collection<{ _id: string; owner: string; expiresAt: Date }>('locks');
  for (let i = 0; i < 2; i++) {
    try {
      await locks.insertOne({ _id: key, owner, expiresAt: new Date(Date.now() + leaseMs) });
      return true;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const held = await locks.findOne({ _id: key });
      if (!held || held.expiresAt.getTime() >= Date.now()) return false;
      await locks.deleteOne({ _id: key, owner: held.owner });
    }
  }
  return false;
}

/** Sends one delivery (under its lease) and records the attempt. */
async function deliver(models: Models, delivery: WebhookDeliveryDoc, o: DispatcherOptions, owner: string): Promise<void> {
  const connection = models.WebhookDelivery.db;
  const key = `webhook-delivery:${delivery._id}`;
  if (!(await tryLease(connection, key, owner, o.timeoutMs * 3))) return;
  try {
    const current = (await models.WebhookDelivery.findById(delivery._id).lean()) as WebhookDeliveryDoc | null;
    if (current?.state !== 'PENDING' || new Date(current.nextAttemptAt) > new Date()) return;
    const subscription = (await models.WebhookSubscription.findById(current.subscriptionId).lean()) as WebhookSubscriptionDoc | null;
    if (!subscription?.active) {
      await models.WebhookDelivery.updateOne(
        { _id: current._id },
        { $set: { state: 'FAILED' }, $push: { attempts: { at: new Date(), error: 'subscription ended', durationMs: 0, by: owner } } },
      );
      return;
    }
    const at = new Date();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(subscription.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signWebhook(subscription.secret, current.body, at),
          'idempotency-key': current.eventId,
          'x-cg-event': current.eventType,
        },
        body: current.body,
        redirect: 'manual', // a redirect could carry the signed payload elsewhere
        signal: AbortSignal.timeout(o.timeoutMs),
      });
      statusCode = response.status;
      await response.body?.cancel();
    } catch (e) {
      error = (e as Error).name === 'TimeoutError' ? 'timeout' : `unreachable: ${(e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message}`;
    }
    const attempt = { at, statusCode, error, durationMs: Date.now() - at.getTime(), by: owner };
    const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
    const tries = current.attempts.length + 1;
    const set = ok
      ? { state: 'DELIVERED', deliveredAt: new Date() }
      : tries >= o.maxAttempts
        ? { state: 'FAILED' }
        : { nextAttemptAt: new Date(Date.now() + backoff(tries - 1, o)) };
    await models.WebhookDelivery.updateOne({ _id: current._id }, { $set: set, $push: { attempts: attempt } });
  } finally {
    await connection.collection('locks').deleteOne({ _id: key as never, owner });
  }
}

/** Sends the deliveries that are due, `concurrency` at a time; returns how many were looked at. */
async function deliverDue(models: Models, o: DispatcherOptions, owner: string, now = new Date()): Promise<number> {
  // The oldest due first, a bounded batch: a long receiver outage leaves its backlog in the database, not here.
  const pending = (await models.WebhookDelivery.find({ state: 'PENDING', nextAttemptAt: trusted({ $lte: now }) })
    .sort({ nextAttemptAt: 1 })
    .limit(200)
    .lean()) as WebhookDeliveryDoc[];
  let next = 0;
  const worker = async () => {
    while (next < pending.length) await deliver(models, pending[next++]!, o, owner);
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  return pending.length;
}

export interface Dispatcher {
  /** One round of everything (tests call it instead of waiting for the timer). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/** Runs the rounds every pollMs until stopped; an error in a round (the database away) is logged and the next round tries again. */
export function startDispatcher(models: Models, options: Partial<DispatcherOptions> = {}, log: (message: string) => void = console.error): Dispatcher {
  const o = { ...dispatcherOptionsFromEnv(), ...options };
  const owner = `dispatcher-${process.pid}-${randomUUID().slice(0, 8)}`;
  let lastScan = 0;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const round = async () => {
    const now = new Date();
    await settlePending(models, now);
    if (now.getTime() - lastScan >= o.scanMs) {
      await scanDeadlines(models, now);
      lastScan = now.getTime();
    }
    await fanOut(models, now);
    await deliverDue(models, o, owner, now);
  };
  // Rounds never overlap in one process; a failed round does not stop the next.
  const tick = () => (running = running.catch(() => undefined).then(round));
  let timer: NodeJS.Timeout;
  let failing = '';
  const loop = () => {
    timer = setTimeout(() => {
      tick()
        .then(() => (failing && log('webhook dispatcher: rounds succeed again'), (failing = '')))
        .catch((error: Error) => {
          if (error.message !== failing) log(`webhook dispatcher: ${error.message} (retrying every ${o.pollMs} ms)`); // once per cause, not per round
          failing = error.message;
        })
        .finally(() => !stopped && loop());
    }, o.pollMs);
  };
  loop();
  return {
    tick,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running.catch(() => undefined);
    },
  };
}
