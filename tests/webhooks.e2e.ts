import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stableId, verifyWebhook, SIGNATURE_HEADER, type World } from '@cg/kit';
import { buildWorld, startStack, type Stack } from '@cg/kit/testing';
import { type Dispatcher, type Models, settlePending, startDispatcher } from '@cg/party/events';
import { caseClient, GRID_WORKER, LAW, reporterOf, resident, SECRETARY, UNITS, WATER } from './support/jointCase';

// Event webhooks through the gateway: who may subscribe to what, bad input, signed deliveries retried after a 500.
let stack: Stack;
let world: World;
let api: ReturnType<typeof caseClient>;
let dispatcher: Dispatcher;
let models: Models;
const received: Array<{ path: string; headers: IncomingHttpHeaders; body: string; status: number }> = [];
/** Paths whose next POST is answered 500. */
const failNext = new Set<string>();
let receiver: Server;
let base: string;
const communityId = stableId('community', '义合美新城社区');

beforeAll(async () => {
  world = await buildWorld('small');
  stack = await startStack();
  api = caseClient(stack);
  models = stack.departments.party!.models as Models;
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const status = failNext.delete(req.url ?? '') ? 500 : 200;
      received.push({ path: req.url ?? '', headers: req.headers, body, status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  dispatcher = startDispatcher(models, { pollMs: 100, backoffMs: 200, maxBackoffMs: 1000, scanMs: 200 });
}, 120_000);
afterAll(async () => {
  await dispatcher.stop();
  await new Promise((resolve) => receiver.close(resolve));
  await stack.stop();
});

const SUBSCRIBE = `mutation($input: SubscribeWebhookInput!) { subscribeWebhook(input: $input) { secret subscription { id url events unit { id } communityId active } } }`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 15_000): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) {
    const value = await probe();
    if (value) return value;
  }
  throw new Error(`timed out waiting for ${what}`);
}
const bodies = (path: string) => received.filter((r) => r.path === path && r.status === 200).map((r) => JSON.parse(r.body));

test('a unit subscribes to its own unit only; community roles to a community in scope; residents not at all', async () => {
  const ok = await api.as(WATER, SUBSCRIBE, { input: { url: `${base}/water-a`, events: ['CASE_DISPATCHED'], unitId: UNITS.water } });
  expect(ok.errors).toBeUndefined();
  expect(ok.data.subscribeWebhook).toMatchObject({ subscription: { unit: { id: UNITS.water }, active: true, events: ['CASE_DISPATCHED'] } });
  expect(ok.data.subscribeWebhook.secret.length).toBeGreaterThanOrEqual(32);

  const other = await api.as(WATER, SUBSCRIBE, { input: { url: `${base}/x`, events: ['CASE_DISPATCHED'], unitId: UNITS.law } });
  expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'unitId' });
  const gridOnly = { ...GRID_WORKER, scope: { communityIds: [], gridIds: [stableId('grid', 'ZB-YHM-01')] } };
  const narrow = await api.as(gridOnly, SUBSCRIBE, { input: { url: `${base}/x`, events: ['CASE_OVERDUE'], communityId } });
  expect(narrow.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'communityId' });
  const who = reporterOf(world);
  const byResident = await api.as(resident(who.residentId), SUBSCRIBE, { input: { url: `${base}/x`, events: ['CASE_OVERDUE'], communityId } });
  expect(byResident.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const wishFromUnit = await api.as(LAW, SUBSCRIBE, { input: { url: `${base}/x`, events: ['WISH_DONE'], organizationId: stableId('organization', 'x') } });
  expect(wishFromUnit.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'organizationId' });

  // Another department neither lists nor reads it.
  const id = ok.data.subscribeWebhook.subscription.id;
  const seen = await api.as(LAW, `query($id: ID!) { webhookSubscriptions { id } webhookSubscription(id: $id) { id } }`, { id });
  expect(seen.errors).toBeUndefined();
  expect(seen.data.webhookSubscriptions.map((s: { id: string }) => s.id)).not.toContain(id);
  expect(seen.data.webhookSubscription).toBeNull();
  const ended = await api.as(LAW, `mutation($id: ID!) { unsubscribeWebhook(id: $id) { id } }`, { id });
  expect(ended.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  await api.as(WATER, `mutation($id: ID!) { unsubscribeWebhook(id: $id) { active } }`, { id });
});

test('bad input is a typed error and creates nothing', async () => {
  const count = async () => await models.WebhookSubscription.countDocuments({});
  const before = await count();
  for (const [input, field] of [
    [{ url: 'ftp://example.org/hook', events: ['CASE_DISPATCHED'], unitId: UNITS.water }, 'url'],
    [{ url: 'javascript:alert(1)', events: ['CASE_DISPATCHED'], unitId: UNITS.water }, 'url'],
    [{ url: 'not a url', events: ['CASE_DISPATCHED'], unitId: UNITS.water }, 'url'],
    [{ url: `${base}/x`, events: [], unitId: UNITS.water }, 'events'],
    [{ url: `${base}/x`, events: ['DEADLINE_NEAR'], unitId: UNITS.water }, 'withinHours'],
    [{ url: `${base}/x`, events: ['CASE_DISPATCHED'], unitId: UNITS.water, communityId }, 'communityId'],
  ] as const) {
    const { errors } = await api.as(WATER, SUBSCRIBE, { input });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  }
  expect(await count()).toBe(before);
});

test('events reach the units they concern, signed, retried after a 500, with their attempts visible', async () => {
  const water = await api.as(WATER, SUBSCRIBE, { input: { url: `${base}/water`, events: ['CASE_DISPATCHED', 'WHISTLE_RAISED'], unitId: UNITS.water } });
  const law = await api.as(LAW, SUBSCRIBE, { input: { url: `${base}/law`, events: ['CASE_DISPATCHED', 'WHISTLE_RAISED'], unitId: UNITS.law } });
  const community = await api.as(SECRETARY, SUBSCRIBE, { input: { url: `${base}/community`, events: ['CASE_RETURNED', 'CASE_OVERDUE'], communityId } });
  const secret = water.data.subscribeWebhook.secret as string;
  const who = reporterOf(world);
  failNext.add('/water'); // the first POST is answered 500
  let c = await api.submit(resident(who.residentId), { reporterId: who.residentId, unitId: who.unitId, category: 'WATER', description: '停水' });
  c = await api.ok(GRID_WORKER, 'dispatchJointCase', c, { leadUnitId: UNITS.water });
  const [event] = await until('the dispatch at water', () => (bodies('/water').length ? bodies('/water') : undefined));
  expect(event).toMatchObject({
    type: 'CASE_DISPATCHED',
    subscriptionId: water.data.subscribeWebhook.subscription.id,
    data: { caseId: c.id, status: 'DISPATCHED', roles: { [UNITS.water]: 'LEAD' } },
  });
  const attempts = received.filter((r) => r.path === '/water');
  expect(attempts.map((r) => r.status)).toEqual([500, 200]);
  for (const r of attempts) {
    expect(verifyWebhook(secret, r.body, r.headers[SIGNATURE_HEADER] as string)).toBe(true);
    expect(r.headers['idempotency-key']).toBe(event.id);
  }
  expect(verifyWebhook(secret, `${attempts[1]!.body} `, attempts[1]!.headers[SIGNATURE_HEADER] as string)).toBe(false);
  expect(verifyWebhook('another secret', attempts[1]!.body, attempts[1]!.headers[SIGNATURE_HEADER] as string)).toBe(false);

  const { data } = await api.as(WATER, `query($id: ID!) { webhookSubscription(id: $id) { deliveries { eventId eventType state attempts { statusCode } } } }`, {
    id: water.data.subscribeWebhook.subscription.id,
  });
  expect(data.webhookSubscription.deliveries).toEqual([
    { eventId: event.id, eventType: 'CASE_DISPATCHED', state: 'DELIVERED', attempts: [{ statusCode: 500 }, { statusCode: 200 }] },
  ]);

  // A whistle naming law reaches law; the lead's 退单 reaches the community.
  c = await api.ok(GRID_WORKER, 'blowWhistle', c, { unitIds: [UNITS.law] });
  const whistle = await until('the whistle at law', () => bodies('/law').find((b) => b.type === 'WHISTLE_RAISED'));
  expect(whistle.data).toMatchObject({ caseId: c.id, whistleId: c.whistles[0].id });
  expect(bodies('/law').filter((b) => b.type === 'CASE_DISPATCHED' && b.data.caseId === c.id)).toEqual([]);
  expect(bodies('/water').filter((b) => b.type === 'WHISTLE_RAISED')).toEqual([]);
  c = await api.ok(WATER, 'returnJointCase', c, { reason: '不属于本单位职责' });
  const back = await until('the return at the community', () => bodies('/community').find((b) => b.type === 'CASE_RETURNED'));
  expect(back.data).toMatchObject({ caseId: c.id, status: 'RETURNED', step: 'RETURN' });
  expect(community.errors).toBeUndefined();
  expect(law.errors).toBeUndefined();
}, 60_000);

test('a case past its time limit is announced once as overdue', async () => {
  const who = reporterOf(world, 'YHM0201000');
  process.env.CG_CASE_LIMIT_HOURS = 'EMERGENCY=0.0001';
  const c = await api
    .submit(resident(who.residentId), { reporterId: who.residentId, unitId: who.unitId, category: 'GAS', urgency: 'EMERGENCY', description: '燃气泄漏' })
    .finally(() => delete process.env.CG_CASE_LIMIT_HOURS);
  const overdue = await until('the overdue event', () => bodies('/community').find((b) => b.type === 'CASE_OVERDUE' && b.data.caseId === c.id));
  await sleep(1000); // several scans later
  expect(bodies('/community').filter((b) => b.id === overdue.id)).toHaveLength(1);
}, 30_000);

test('a change that died before its confirmation is announced; a record whose change never happened is dropped', async () => {
  const who = reporterOf(world, 'YHM0301000');
  const c = await api.submit(resident(who.residentId), { reporterId: who.residentId, unitId: who.unitId, category: 'WATER', description: '漏水' });
  await dispatcher.stop(); // nobody confirms or fans out while the records are staged
  // As if the process died between the change and its confirmation: the change is in, the record PENDING.
  const dispatched = await api.ok(GRID_WORKER, 'dispatchJointCase', c, { leadUnitId: UNITS.water });
  const recordId = stableId('outbox', 'JointCase', c.id, String(c.version));
  await models.OutboxEvent.updateOne({ _id: recordId }, { $set: { state: 'PENDING', events: [] } });
  // As if it died between the record and the change: a PENDING record for a version the case never left.
  const orphan = stableId('outbox', 'JointCase', c.id, String(dispatched.version));
  await models.OutboxEvent.create({ _id: orphan, state: 'PENDING', entity: 'JointCase', entityId: c.id, change: String(dispatched.version), createdAt: new Date(), events: [] });
  expect(await settlePending(models, new Date(), 60_000)).toEqual({ confirmed: 0, dropped: 0 }); // still within the grace period
  expect(await settlePending(models, new Date(Date.now() + 61_000))).toEqual({ confirmed: 1, dropped: 1 });
  const confirmed = await models.OutboxEvent.findById(recordId).lean();
  expect(confirmed).toMatchObject({ state: 'READY', events: [{ type: 'CASE_DISPATCHED', unitIds: [UNITS.water] }] });
  expect(await models.OutboxEvent.findById(orphan).lean()).toBeNull();
  dispatcher = startDispatcher(models, { pollMs: 100, backoffMs: 200, maxBackoffMs: 1000, scanMs: 200 });
  await until('the recovered event', () => bodies('/water').find((b) => b.data.caseId === c.id));
}, 30_000);

test("the party department hears of its organisation's micro-wishes claimed and done", async () => {
  const wish = world.party!.MicroWish!.find((w) => w.status === 'PUBLISHED')!;
  const member = world.party!.PartyMember!.find((m) => !!m._id)!;
  const sub = await api.as(SECRETARY, SUBSCRIBE, { input: { url: `${base}/wishes`, events: ['WISH_CLAIMED', 'WISH_DONE'], organizationId: wish.organizationId } });
  expect(sub.errors).toBeUndefined();
  const claimedOn = String(wish.publishedOn);
  const claim = await api.as(SECRETARY, `mutation($id: ID!, $m: ID!, $d: String!) { claimMicroWish(id: $id, memberId: $m, claimedOn: $d) { status } }`, {
    id: wish._id,
    m: member._id,
    d: claimedOn,
  });
  expect(claim.errors).toBeUndefined();
  const done = await api.as(SECRETARY, `mutation($id: ID!, $d: String!) { completeMicroWish(id: $id, doneOn: $d) { status } }`, { id: wish._id, d: claimedOn });
  expect(done.errors).toBeUndefined();
  const events = await until('both wish events', () => (bodies('/wishes').length >= 2 ? bodies('/wishes') : undefined));
  expect(events.map((e) => [e.type, e.data.wishId, e.data.claimedById])).toEqual(
    expect.arrayContaining([
      ['WISH_CLAIMED', wish._id, member._id],
      ['WISH_DONE', wish._id, member._id],
    ]),
  );
  // A second claim is a CONFLICT and announces nothing.
  const again = await api.as(SECRETARY, `mutation($id: ID!, $m: ID!, $d: String!) { claimMicroWish(id: $id, memberId: $m, claimedOn: $d) { status } }`, {
    id: wish._id,
    m: member._id,
    d: claimedOn,
  });
  expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  await sleep(800);
  expect(bodies('/wishes')).toHaveLength(2);
}, 30_000);
