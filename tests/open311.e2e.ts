import { stableId, trusted, type World } from '@cg/kit';
import { reporterOf } from './support/jointCase';
import { CATEGORY_LABELS } from '@cg/kit/labels';
import { buildWorld, startStack, type Stack } from '@cg/kit/testing';

// Open311 GeoReport v2 over the joint-response case, checked against the shapes of the specification's examples
// (https://wiki.open311.org/GeoReport_v2): field names, JSON types, ISO 8601 times, `[{code, description}]` errors.
let stack: Stack;
let world: World;
let base: string;
let me: ReturnType<typeof reporterOf>;
let residentKey: string;

const SERVICE_KEYS = ['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type'];
const REQUEST_KEYS = [
  'address',
  'address_id',
  'agency_responsible',
  'description',
  'expected_datetime',
  'lat',
  'long',
  'media_url',
  'requested_datetime',
  'service_code',
  'service_name',
  'service_notice',
  'service_request_id',
  'status',
  'status_notes',
  'updated_datetime',
  'zipcode',
];
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

beforeAll(async () => {
  world = await buildWorld('small');
  stack = await startStack();
  base = stack.gatewayUrl.replace(/\/graphql$/, '/open311/v2');
  me = reporterOf(world, 'YHM0101000');
  residentKey = await stack.token('resident', { subject: me.residentId });
}, 120_000);
afterAll(() => stack.stop());

const get = async (path: string, params: Record<string, string> = {}) => {
  const response = await fetch(`${base}${path}?${new URLSearchParams(params)}`);
  return { status: response.status, body: await response.json() };
};
const post = async (fields: Record<string, string>, headers: Record<string, string> = {}) => {
  const response = await fetch(`${base}/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields),
  });
  return { status: response.status, body: await response.json() };
};
const isError = (body: unknown, code: number) =>
  Array.isArray(body) && body.length === 1 && body[0].code === code && typeof body[0].description === 'string' && Object.keys(body[0]).sort().join() === 'code,description';

test('GET services.json: one service per case category, with the fields of the specification', async () => {
  const { status, body } = await get('/services.json', { api_key: residentKey });
  expect(status).toBe(200);
  // One service per case category, in the SDL's order, named as the console names the category.
  expect(body.map((s: any) => s.service_code)).toEqual(Object.keys(CATEGORY_LABELS));
  for (const service of body) {
    expect(Object.keys(service).sort()).toEqual(SERVICE_KEYS);
    expect(service).toMatchObject({
      metadata: false,
      type: 'realtime',
      service_name: expect.stringMatching(`^${CATEGORY_LABELS[service.service_code]} \\w`),
      group: expect.any(String),
    });
  }
});

test('a missing, bad or contract-bound key is an error array, and nothing is served', async () => {
  const missing = await get('/services.json');
  expect(missing.status).toBe(401);
  expect(isError(missing.body, 401)).toBe(true);
  const bad = await get('/requests.json', { api_key: 'not-a-token' });
  expect({ status: bad.status, error: isError(bad.body, 403) }).toEqual({ status: 403, error: true });
  const bound = await get('/services.json', { api_key: await stack.token('property-partner', { contract: 'property-partner' }) });
  expect({ status: bound.status, error: isError(bound.body, 403) }).toEqual({ status: 403, error: true });
  const xml = await fetch(`${base}/services.xml?api_key=${residentKey}`);
  expect({ status: xml.status, error: isError(await xml.json(), 400) }).toEqual({ status: 400, error: true });
});

test('POST requests.json (form-encoded, as the specification sends it) creates a joint case as the resident', async () => {
  const { status, body } = await post({ api_key: residentKey, service_code: 'WATER', description: '楼道水管漏水', address_id: `unit:${me.unitId}`, first_name: '张' });
  expect(status).toBe(201);
  expect(body).toEqual([{ service_request_id: expect.any(String), service_notice: expect.stringContaining('办理时限'), account_id: null }]);
  const stored = await stack.departments.party!.models.JointCase.findById(body[0].service_request_id).lean();
  expect(stored).toMatchObject({ reporterId: me.residentId, category: 'WATER', status: 'SUBMITTED', description: '楼道水管漏水' });

  const one = await get(`/requests/${body[0].service_request_id}.json`, { api_key: residentKey });
  expect(one.status).toBe(200);
  expect(one.body).toHaveLength(1);
  const request = one.body[0];
  expect(Object.keys(request).sort()).toEqual(REQUEST_KEYS);
  expect(request).toMatchObject({
    service_request_id: body[0].service_request_id,
    status: 'open',
    status_notes: '点单 submitted',
    service_code: 'WATER',
    description: '楼道水管漏水',
    address_id: `unit:${me.unitId}`,
    lat: null,
    long: null,
  });
  for (const key of ['requested_datetime', 'updated_datetime', 'expected_datetime']) expect({ key, ok: ISO_8601.test(request[key]) }).toEqual({ key, ok: true });
  const unit = world.property!.Unit!.find((u) => u._id === me.unitId)!;
  expect(request.address).toMatch(new RegExp(` [^ ]*${unit.entrance}${unit.room}$`)); // estate address, estate, dwelling label
});

test('bad input is a 400 error array and writes nothing; the resident is always the reporter', async () => {
  const cases = stack.departments.party!.models.JointCase;
  const before = await cases.countDocuments();
  for (const fields of <Array<Record<string, string>>>[
    { service_code: 'WATER', address_id: `unit:${me.unitId}` }, // no description
    { service_code: 'POTHOLE', description: 'x', address_id: `unit:${me.unitId}` },
    { service_code: 'WATER', description: 'x', lat: '37.76', long: '-122.46' }, // no address_id
  ]) {
    const { status, body } = await post({ api_key: residentKey, ...fields });
    expect({ fields, status, error: isError(body, 400) }).toEqual({ fields, status: 400, error: true });
  }
  // account_id of a neighbour is ignored for a resident: the case is the caller's own.
  const neighbour = reporterOf(world, 'YHM0101001');
  const own = await post({
    api_key: residentKey,
    service_code: 'OTHER',
    description: '路灯坏了',
    address_id: `building:${world.property!.Unit!.find((u) => u._id === me.unitId)!.buildingId}`,
    account_id: neighbour.residentId,
  });
  expect(own.status).toBe(201);
  expect(await cases.findById(own.body[0].service_request_id).lean()).toMatchObject({ reporterId: me.residentId });
  expect(await cases.countDocuments()).toBe(before + 1);
});

test("GET requests.json lists only the resident's own cases; another's case is refused, an unknown one not found", async () => {
  const { status, body } = await get('/requests.json', { api_key: residentKey, start_date: '2000-01-01T00:00:00Z' });
  expect(status).toBe(200);
  const own = await stack.departments.party!.models.JointCase.find({ reporterId: me.residentId }).lean();
  expect(body.map((r: any) => r.service_request_id).sort()).toEqual(own.map((c: any) => String(c._id)).sort());
  for (const r of body) expect(Object.keys(r).sort()).toEqual(REQUEST_KEYS);
  const water = await get('/requests.json', { api_key: residentKey, start_date: '2000-01-01T00:00:00Z', service_code: 'WATER', status: 'open' });
  expect(water.body.length).toBeGreaterThan(0);
  expect(water.body.every((r: any) => r.service_code === 'WATER' && r.status === 'open')).toBe(true);

  const other = await stack.departments.party!.models.JointCase.findOne({ reporterId: trusted({ $ne: me.residentId }) }).lean();
  const theirs = await get(`/requests/${other._id}.json`, { api_key: residentKey });
  expect({ status: theirs.status, error: isError(theirs.body, 403) }).toEqual({ status: 403, error: true });
  const none = await get(`/requests/${stableId('joint-case', 'none')}.json`, { api_key: residentKey });
  expect({ status: none.status, error: isError(none.body, 404) }).toEqual({ status: 404, error: true });
  // Staff keys see the cases of their scope, closed ones included.
  const staff = await get('/requests.json', { api_key: await stack.token('party-secretary'), start_date: '2000-01-01T00:00:00Z', status: 'closed' });
  expect(staff.status).toBe(200);
  const closed = await stack.departments.party!.models.JointCase.countDocuments({ status: trusted({ $in: ['CLOSED', 'DUPLICATE'] }) });
  expect(staff.body.length).toBe(Math.min(closed, 1000)); // the demo secretary's community holds every seeded case
  expect(staff.body.every((r: any) => r.status === 'closed')).toBe(true);
});

test('with the party department down, reads and submissions are a 502 error array, not a half answer', async () => {
  await stack.departments.party!.stop();
  const list = await get('/requests.json', { api_key: residentKey });
  expect({ status: list.status, error: isError(list.body, 502) }).toEqual({ status: 502, error: true });
  const submit = await post({ api_key: residentKey, service_code: 'WATER', description: '没水', address_id: `unit:${me.unitId}` });
  expect({ status: submit.status, error: isError(submit.body, 502) }).toEqual({ status: 502, error: true });
  expect(JSON.stringify([list.body, submit.body])).not.toMatch(/127\.0\.0\.1|http:\/\//); // no department URL leaks
  // Services need no department.
  expect((await get('/services.json', { api_key: residentKey })).status).toBe(200);
});
