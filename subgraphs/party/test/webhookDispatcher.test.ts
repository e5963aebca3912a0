import { backoff, matches } from '../src/events/dispatcher';
import type { OutboxEntry, WebhookSubscriptionDoc } from '../src/models/Webhook';

const o = { backoffMs: 1000, maxBackoffMs: 60_000 };
test('backoff doubles per attempt up to the cap, with jitter in [½, 1] of it', () => {
  expect([0, 1, 2, 3].map((n) => backoff(n, o, () => 1))).toEqual([1000, 2000, 4000, 8000]);
  expect([0, 1, 2, 3].map((n) => backoff(n, o, () => 0))).toEqual([500, 1000, 2000, 4000]);
  expect(backoff(30, o, () => 1)).toBe(60_000);
  const spread = new Set(Array.from({ length: 50 }, () => backoff(3, o)));
  expect(spread.size).toBeGreaterThan(10);
  for (const d of spread) expect(d >= 4000 && d <= 8000).toBe(true);
});

const sub = (changes: Partial<WebhookSubscriptionDoc>): WebhookSubscriptionDoc => ({
  _id: 's1',
  url: 'http://x',
  events: ['CASE_DISPATCHED'],
  secret: 'k',
  ownerDepartment: 'd',
  createdAt: new Date(),
  active: true,
  ...changes,
});
const event = (changes: Partial<OutboxEntry>): OutboxEntry => ({ id: 'e', type: 'CASE_DISPATCHED', at: new Date(), communityId: 'c1', unitIds: ['u1'], data: '{}', ...changes });

test('a subscription gets the events of its type about its unit, community or organisation, and its own deadline events', () => {
  expect(matches(sub({ unitId: 'u1' }), event({}))).toBe(true);
  expect(matches(sub({ unitId: 'u2' }), event({}))).toBe(false);
  expect(matches(sub({ unitId: 'u1', events: ['WHISTLE_RAISED'] }), event({}))).toBe(false);
  expect(matches(sub({ communityId: 'c1' }), event({ unitIds: [] }))).toBe(true);
  expect(matches(sub({ communityId: 'c2' }), event({}))).toBe(false);
  expect(matches(sub({ organizationId: 'o1', events: ['WISH_DONE'] }), event({ type: 'WISH_DONE', organizationId: 'o1', communityId: null, unitIds: [] }))).toBe(true);
  const deadline = { type: 'DEADLINE_NEAR' as const, subscriptionId: 's1' };
  expect(matches(sub({ unitId: 'u1', events: ['DEADLINE_NEAR'] }), event(deadline))).toBe(true);
  expect(matches(sub({ _id: 's2', unitId: 'u1', events: ['DEADLINE_NEAR'] }), event(deadline))).toBe(false);
});
