import ExcelJS from 'exceljs';
import { stableId, type Identity, type World } from '@cg/kit';
import { buildWorld, startStack, type Stack } from '@cg/kit/testing';
import { CATEGORY_LABELS } from '@cg/kit/labels';
import { caseClient, GRID_WORKER, reporterOf, resident, SECRETARY, UNITS, WATER } from './support/jointCase';

// Spreadsheet exports through the gateway: same figures as the API, Excel-ready CSV, access and masking as the API's.
let stack: Stack;
let world: World;
let api: ReturnType<typeof caseClient>;
const communityId = stableId('community', '义合美新城社区');
let from: string;
let to: string;
const DESCRIPTION = '楼道漏水, 住户说"马上要结冰"\n请尽快';

beforeAll(async () => {
  world = await buildWorld('small');
  stack = await startStack();
  api = caseClient(stack);
  from = new Date().toISOString();
  const who = reporterOf(world);
  const submit = (input: Record<string, unknown>) => api.submit(resident(who.residentId), { reporterId: who.residentId, unitId: who.unitId, description: '测试', ...input });
  let a = await api.ok(GRID_WORKER, 'dispatchJointCase', await submit({ category: 'WATER' }), { leadUnitId: UNITS.water });
  a = await api.ok(WATER, 'acceptJointCaseTask', a, { unitId: UNITS.water });
  await api.ok(GRID_WORKER, 'dispatchJointCase', await submit({ category: 'POWER' }), { leadUnitId: UNITS.power });
  process.env.CG_CASE_LIMIT_HOURS = 'EMERGENCY=0.0001';
  await submit({ category: 'GAS', urgency: 'EMERGENCY', description: DESCRIPTION }).finally(() => delete process.env.CG_CASE_LIMIT_HOURS);
  await new Promise((r) => setTimeout(r, 800));
  to = new Date(Date.now() + 1000).toISOString();
}, 120_000);
afterAll(() => stack.stop());

const url = (file: string, params: Record<string, string>) => `${stack.gatewayUrl.replace(/\/graphql$/, '')}/exports/${file}?${new URLSearchParams(params)}`;
async function download(file: string, params: Record<string, string>, identity: Identity | null, headers: Record<string, string> = {}) {
  const auth: Record<string, string> = identity ? { authorization: `Bearer ${await stack.token('party-secretary', identity)}` } : {};
  const response = await fetch(url(file, params), { headers: { ...auth, ...headers } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}
/** RFC 4180 reader, enough to check what the writer quoted. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      rows.at(-1)!.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      rows.at(-1)!.push(field);
      field = '';
      rows.push([]);
      i++;
    } else field += ch;
  }
  if (rows.at(-1)!.length === 0 && field === '') rows.pop();
  return rows;
}
const sheetRows = (sheet: ExcelJS.Worksheet) => {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};

test("an XLSX of a community's two ledgers, read back, holds the API's figures", async () => {
  const { data, errors } = await api.as(
    SECRETARY,
    `query($s: JointCaseScope!) {
    publicSentimentLedger(scope: $s) { grid { code name } category received handled resolved rated satisfied }
    governmentLedger(scope: $s) { unit { name kind } received resolved onTime overdue whistleCalls reportedOnTime } }`,
    { s: { from, to, communityId } },
  );
  expect(errors).toBeUndefined();
  expect(data.governmentLedger.length).toBeGreaterThanOrEqual(2);
  const { status, headers, bytes } = await download('ledgers.xlsx', { community: communityId, from, to }, SECRETARY);
  expect(status).toBe(200);
  expect(headers.get('content-type')).toMatch(/spreadsheetml/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((w) => w.name)).toEqual(['民情台账', '政务台账']);
  const [sentiment, government] = workbook.worksheets.map(sheetRows);
  expect(sentiment![0]).toEqual(['网格编码', '网格', '类别', '受理', '回单', '审定', '评价', '满意']);
  expect(sentiment!.slice(1)).toEqual(
    data.publicSentimentLedger.map((r: any) => [r.grid.code, r.grid.name, CATEGORY_LABELS[r.category], r.received, r.handled, r.resolved, r.rated, r.satisfied]),
  );
  expect(government![0]).toEqual(['单位', '类型', '受理任务', '办结', '按期办结', '超期', '吹哨', '按时报到']);
  expect(government!.slice(1).map((r) => [r[0], ...r.slice(2)])).toEqual(
    data.governmentLedger.map((r: any) => [r.unit.name, r.received, r.resolved, r.onTime, r.overdue, r.whistleCalls, r.reportedOnTime]),
  );
  expect(government!.slice(1).reduce((n, r) => n + (r[2] as number), 0)).toBeGreaterThanOrEqual(2);
}, 60_000);

test('CSV: UTF-8 with BOM, Chinese headers, CRLF, quoted commas, quotes and newlines; masked fields stay masked', async () => {
  const { status, headers, bytes } = await download('overdue.csv', { community: communityId }, SECRETARY);
  expect(status).toBe(200);
  expect(headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  const [header, ...rows] = parseCsv(text);
  expect(header).toEqual(['案件编号', '类别', '紧急程度', '状态', '问题描述', '受理时间', '办理时限', '网格', '牵头单位', '报事人', '联系电话']);
  const row = rows.find((r) => r[4] === DESCRIPTION);
  expect(row).toBeDefined();
  expect(text).toContain(`"${DESCRIPTION.replace(/"/g, '""')}"`);

  // The secretary (no case-handling purpose) sees the reporter masked, in the file as in the API; a grid worker
  // handling the case sees more, in both.
  const reporter = async (identity: Identity, purpose?: string) => {
    const { data } = await stack.query(
      `query($id: ID!) { jointCase(id: $id) { reporter { name phone } } }`,
      { id: row![0] },
      { token: await stack.token('party-secretary', identity), purpose },
    );
    return data.jointCase.reporter;
  };
  const masked = await reporter(SECRETARY);
  expect([row![9], row![10]]).toEqual([masked.name, masked.phone]);
  expect(`${masked.name}${masked.phone}`).toContain('*');
  const worker = { ...GRID_WORKER, scope: { communityIds: [communityId], gridIds: [] } };
  const full = await reporter(worker, 'CASE_HANDLING');
  expect(full.phone).not.toEqual(masked.phone);
  const asWorker = parseCsv((await download('overdue.csv', { community: communityId }, worker, { 'x-purpose': 'CASE_HANDLING' })).bytes.toString('utf8').slice(1));
  expect(asWorker.find((r) => r[0] === row![0])!.slice(9)).toEqual([full.name, full.phone]);
}, 60_000);

test('refused as the API refuses: no token 401, a resident 403, a bad period 400, an unknown export 404', async () => {
  const who = reporterOf(world);
  expect((await download('ledgers.xlsx', { community: communityId, period: '2026-11' }, null)).status).toBe(401);
  const refused = await download('ledgers.xlsx', { community: communityId, period: '2026-11' }, resident(who.residentId));
  expect(refused.status).toBe(403);
  expect(JSON.parse(refused.bytes.toString()).errors[0].extensions.code).toBe('FORBIDDEN');
  const badPeriod = await download('measures.csv', { community: communityId, period: '2026-13' }, SECRETARY);
  expect(badPeriod.status).toBe(400);
  expect(JSON.parse(badPeriod.bytes.toString()).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
  expect((await download('ledgers.csv', { community: communityId, period: '2026-11' }, SECRETARY)).status).toBe(400);
  expect((await download('salaries.xlsx', {}, SECRETARY)).status).toBe(404);
});

test("measures for a period: one row per measure, the API's values", async () => {
  const { data } = await api.as(SECRETARY, `query($s: JointCaseScope!) { jointCaseMeasures(scope: $s) { cases dispatched responded responseRate } }`, {
    s: { from, to, communityId },
  });
  const { status, bytes } = await download('measures.csv', { community: communityId, from, to }, SECRETARY);
  expect(status).toBe(200);
  const rows = Object.fromEntries(
    parseCsv(bytes.toString('utf8').slice(1))
      .slice(1)
      .map((r) => [r[1], r[2]]),
  );
  expect(rows).toMatchObject({
    cases: String(data.jointCaseMeasures.cases),
    dispatched: String(data.jointCaseMeasures.dispatched),
    responseRate: String(data.jointCaseMeasures.responseRate),
  });
});
