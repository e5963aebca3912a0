import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from '@cg/kit';
import { mintDevToken } from '@cg/gateway/auth';
import { CONSOLE_IDENTITIES } from '@cg/gateway/console';
import { startGateway } from '@cg/gateway';
import { ensureConsoleBuilt } from '../scripts/console-build';
import { postGraphQL, startStack, type Stack } from '@cg/kit/testing';

/**
 * The case-desk console in headless Chromium (Debian's package; .ci/run installs it), driven with playwright-core from
 * jest like the GraphiQL test: the stack is the one every e2e test starts, and a second gateway on the same departments
 * trusts the development key pair, so the console's own sign-in picker is what the test uses.
 */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const artifacts = path.join(repoRoot, 'test-artifacts', 'console');
const keysFile = path.join(tmpdir(), `cg-console-dev-keys-${process.pid}.json`);
let stack: Stack;
let gateway: { url: string; stop(): Promise<void> };
let origin: string;
let browser: Browser;
/** Requests the console made anywhere but the gateway (a CDN): none expected. */
const outside: string[] = [];

beforeAll(async () => {
  ensureConsoleBuilt();
  mkdirSync(artifacts, { recursive: true });
  // The machine running the tests may be shared and loaded: a slow department answer is not what this file tests.
  process.env.SUBGRAPH_TIMEOUT_MS = process.env.SUBGRAPH_TIMEOUT_MS ?? '20000';
  process.env.GATEWAY_REQUEST_TIMEOUT_MS = process.env.GATEWAY_REQUEST_TIMEOUT_MS ?? '30000';
  stack = await startStack();
  process.env.AUTH_DEV_KEYS_FILE = keysFile; // this file's own development key pair
  gateway = await startGateway({ urls: Object.fromEntries(Object.entries(stack.departments).map(([name, d]) => [name, d.url])), limits: { ratePoints: 1_000_000 } });
  origin = new URL(gateway.url).origin;
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await gateway?.stop();
  await stack?.stop();
  rmSync(keysFile, { force: true });
  delete process.env.AUTH_DEV_KEYS_FILE;
});

/** What the API answers the same caller (a development token, purpose CASE_HANDLING as the console sends). */
async function api<T>(who: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const token = await mintDevToken(CONSOLE_IDENTITIES[who]!, { expiresIn: '10m' });
  const { body } = await postGraphQL(gateway.url, query, variables, { authorization: `Bearer ${token}`, 'x-purpose': 'CASE_HANDLING' });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

/** A fresh browser session signed in through the development picker as a demo identity. */
async function signIn(who: string, hash = '#/inbox'): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } })).newPage();
  page.on('request', (request) => !request.url().startsWith(origin) && !request.url().startsWith('data:') && !request.url().startsWith('blob:') && outside.push(request.url()));
  await page.goto(`${origin}/console/${hash}`);
  await page.click(`button[data-identity="${who}"]`);
  await page.waitForSelector('[data-testid=signed-in-as]');
  return page;
}

const card = (page: Page, id: string) => page.locator(`[data-testid="case-${id}"]`);
const statusOf = (page: Page, id: string, status: string) => page.waitForSelector(`[data-testid="case-${id}"][data-status="${status}"]`, { timeout: 20_000 });
async function act(page: Page, id: string, action: string) {
  await card(page, id).getByRole('button', { name: action, exact: true }).click();
}
async function shoot(page: Page, name: string) {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
}
/** axe-core on the page as shown: no serious or critical violation. */
async function accessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Polls `check` (the page's CSP forbids evaluating strings, so no waitForFunction with an expression). */
async function until(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms: ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

let caseId: string;

test('a case from 点单 to 评单 by three roles: party secretary, a unit clerk and the resident (version check, 退单, 吹哨/报到)', async () => {
  const secretary = await signIn('party-secretary');
  await secretary.getByText('点单（代居民登记）').click();
  const form = secretary.getByRole('form', { name: '点单（代居民登记）' });
  await form.getByLabel('户档编号').fill('YHM0101000');
  await form.getByRole('button', { name: '查找' }).click();
  await form.getByLabel('类别').selectOption('PUBLIC_ORDER');
  await form.getByLabel('问题描述').fill('楼下夜间烧烤占道，油烟扰民（控制台测试）');
  await form.getByRole('button', { name: '点单', exact: true }).click();
  await secretary.getByText(/点单：\w{24}/).waitFor();
  caseId = /点单：(\w{24})/.exec((await secretary.getByTestId('message').textContent())!)![1]!;
  await statusOf(secretary, caseId, 'SUBMITTED');
  await shoot(secretary, 'inbox-secretary');
  await accessible(secretary);

  // 派单 to law enforcement, which gives it back (退单) with a reason.
  await card(secretary, caseId).getByLabel('牵头单位').selectOption({ label: '张北县综合行政执法局' });
  await act(secretary, caseId, '派单');
  await statusOf(secretary, caseId, 'DISPATCHED');
  const clerk = await signIn('law-enforcement-clerk');
  await statusOf(clerk, caseId, 'DISPATCHED');
  await card(clerk, caseId).getByLabel('说明').fill('需先核实占道位置');
  await act(clerk, caseId, '退单');
  await statusOf(clerk, caseId, 'RETURNED');

  // The secretary's page still shows version 2: the whistle goes out with it and is refused (CONFLICT); the list reloads.
  await card(secretary, caseId).getByLabel('张北县综合行政执法局').check();
  await act(secretary, caseId, '吹哨');
  await secretary.getByText('案件已被他人更新（版本冲突）').waitFor();
  await statusOf(secretary, caseId, 'RETURNED');
  await card(secretary, caseId).getByLabel('牵头单位').selectOption({ label: '张北县综合行政执法局' });
  await act(secretary, caseId, '派单');
  await statusOf(secretary, caseId, 'DISPATCHED');
  await card(secretary, caseId).getByLabel('张北县综合行政执法局').check();
  await act(secretary, caseId, '吹哨');
  await card(secretary, caseId).getByText('张北县综合行政执法局：待报到').waitFor();

  // The unit: 报到, 接单, 办单, 回单.
  await clerk.getByRole('button', { name: '刷新' }).click();
  await card(clerk, caseId).getByText('待报到').waitFor();
  await shoot(clerk, 'inbox-unit');
  await act(clerk, caseId, '报到');
  await card(clerk, caseId).getByText('张北县综合行政执法局：报到').waitFor();
  await act(clerk, caseId, '接单');
  await statusOf(clerk, caseId, 'ACCEPTED');
  await act(clerk, caseId, '办单');
  await statusOf(clerk, caseId, 'IN_PROGRESS');
  await card(clerk, caseId).getByLabel('说明').fill('已劝离占道摊位');
  await act(clerk, caseId, '回单');
  await statusOf(clerk, caseId, 'RESOLVED');

  // 审定 by the community, 评单 by the resident, 办结.
  await secretary.getByRole('button', { name: '刷新' }).click();
  await statusOf(secretary, caseId, 'RESOLVED');
  await act(secretary, caseId, '审定');
  await statusOf(secretary, caseId, 'VERIFIED');
  const resident = await signIn('resident');
  await statusOf(resident, caseId, 'VERIFIED');
  await card(resident, caseId).getByLabel('评分（1–5）').selectOption('5');
  await act(resident, caseId, '评单');
  await statusOf(resident, caseId, 'RATED');
  await shoot(resident, 'inbox-resident');
  await accessible(resident);
  await secretary.getByRole('button', { name: '刷新' }).click();
  await statusOf(secretary, caseId, 'RATED');
  await act(secretary, caseId, '办结');
  await statusOf(secretary, caseId, 'CLOSED');

  const { jointCase } = await api<{
    jointCase: { status: string; rating: { score: number }; history: Array<{ step: string }>; whistles: Array<{ calls: Array<{ reportedAt: string | null }> }> };
  }>('party-secretary', 'query($id: ID!) { jointCase(id: $id) { status rating { score } history { step } whistles { calls { reportedAt } } } }', { id: caseId });
  expect(jointCase.status).toBe('CLOSED');
  expect(jointCase.rating.score).toBe(5);
  expect(jointCase.history.map((e) => e.step)).toEqual([
    'SUBMIT',
    'DISPATCH',
    'RETURN',
    'DISPATCH',
    'WHISTLE',
    'REPORT',
    'ACCEPT_LEAD',
    'START',
    'RESOLVE_TASK',
    'RESOLVE',
    'VERIFY',
    'RATE',
    'CLOSE',
  ]);
  expect(jointCase.whistles[0]!.calls[0]!.reportedAt).not.toBeNull();
  for (const page of [secretary, clerk, resident]) await page.close();
}, 180_000);

test('the dossier spans the four departments; the reporter is masked for property staff and shown in full to the secretary', async () => {
  const query = 'query($id: ID!) { jointCase(id: $id) { reporter { name phone } building { number } gridBranch { name } } }';
  type Answer = { jointCase: { reporter: { name: string; phone: string }; building: { number: string }; gridBranch: { name: string } } };
  const secretary = await signIn('party-secretary', `#/dossier/${caseId}`);
  await secretary.getByTestId('dossier').waitFor();
  const full = await api<Answer>('party-secretary', query, { id: caseId });
  expect(await secretary.getByTestId('reporter-name').getAttribute('data-masked')).toBe('false');
  expect(await secretary.getByTestId('reporter-name').textContent()).toBe(full.jointCase.reporter.name);
  await expect(secretary.getByText(full.jointCase.gridBranch.name).count()).resolves.toBeGreaterThan(0);
  await shoot(secretary, 'dossier-secretary');
  await accessible(secretary);

  const property = await signIn('property-desk', `#/dossier/${caseId}`);
  await property.getByTestId('dossier').waitFor();
  const masked = await api<Answer>('property-desk', query, { id: caseId });
  expect(masked.jointCase.reporter.name).toMatch(/\*/);
  expect(masked.jointCase.reporter.name).not.toBe(full.jointCase.reporter.name);
  expect(await property.getByTestId('reporter-name').getAttribute('data-masked')).toBe('true');
  await property.getByText('无权查看').first().waitFor(); // employment status and party membership: refused, and shown so
  expect(await property.getByTestId('reporter-name').textContent()).toBe(`${masked.jointCase.reporter.name}已脱敏`);
  // The phone is full for property staff handling a case (docs/policy.md): shown as the API answers it.
  expect(await property.getByTestId('reporter-phone').textContent()).toContain(masked.jointCase.reporter.phone);
  await shoot(property, 'dossier-property-masked');
  await secretary.close();
  await property.close();
}, 90_000);

test('the KPI dashboard charts the community and shows the same figures as jointCaseMeasures', async () => {
  const page = await signIn('party-secretary', '#/dashboard');

  await page.waitForSelector('[data-testid=figures][data-from] [data-testid=figure-cases]:not([data-value="null"])', { timeout: 30_000 });
  const table = page.getByTestId('figures');
  const scope = { from: await table.getAttribute('data-from'), to: await table.getAttribute('data-to'), communityId: await table.getAttribute('data-community') };
  const keys = ['responseRate', 'resolutionRate', 'satisfactionRate', 'onTimeRate', 'inGridShare', 'reportOnTimeRate', 'cases', 'overdue', 'whistled'];
  const { jointCaseMeasures: m } = await api<{ jointCaseMeasures: Record<string, number | null> }>(
    'party-secretary',
    `query($s: JointCaseScope!) { jointCaseMeasures(scope: $s) { ${keys.join(' ')} } }`,
    { s: scope },
  );
  expect(m.cases).toBeGreaterThan(0);
  for (const key of keys) {
    const cell = page.getByTestId(`figure-${key}`);
    expect([key, await cell.getAttribute('data-value')]).toEqual([key, String(m[key])]);
    const shown = m[key] == null ? '—' : key.endsWith('Rate') || key.endsWith('Share') ? `${(m[key]! * 100).toFixed(1)}%` : String(m[key]);
    expect([key, await cell.textContent()]).toEqual([key, shown]);
  }
  // Both charts drew their series as SVG (the trend's lines, the grids' bars).
  await until(async () => (await page.locator('figure svg path').count()) > 10);
  expect(await page.locator('figure svg').count()).toBe(2);
  // Per grid: a row for every grid (网格 level) of the community, each with that grid's count of cases.
  const { communities } = await api<{ communities: Array<{ id: string; grids: { edges: Array<{ node: { id: string; name: string } }> } }> }>(
    'party-secretary',
    '{ communities { id grids(level: GRID, first: 100) { edges { node { id name } } } } }',
  );
  const grids = communities.find((c) => c.id === scope.communityId)!.grids.edges.map((e) => e.node);
  await until(async () => (await page.getByTestId('grid-figures').locator('tbody tr').count()) === grids.length, 60_000);
  const first = await api<{ jointCaseMeasures: { cases: number } }>('party-secretary', 'query($s: JointCaseScope!) { jointCaseMeasures(scope: $s) { cases } }', {
    s: { from: scope.from, to: scope.to, gridId: grids[0]!.id },
  });
  expect(await page.getByTestId('grid-figures').locator('tbody tr').first().locator('td').first().textContent()).toBe(String(first.jointCaseMeasures.cases));
  await shoot(page, 'dashboard');
  await accessible(page);
  await page.close();
}, 90_000);

test('督单 and the two ledgers and three lists render from the API', async () => {
  const page = await signIn('party-secretary', '#/supervision');
  await page.getByLabel('临期窗口（小时）').fill('1000');
  await page.waitForSelector('[data-testid^="case-"]', { timeout: 20_000 });
  await shoot(page, 'supervision');
  await accessible(page);
  await page.goto(`${origin}/console/#/ledgers`);
  for (const id of ['ledger-sentiment', 'ledger-government', 'list-problems', 'list-resources', 'list-responsibilities']) await page.getByTestId(id).waitFor();
  const { threeLists } = await api<{ threeLists: { resources: Array<{ name: string }> } }>(
    'party-secretary',
    'query($c: ID!) { threeLists(communityId: $c) { resources { name } } }',
    {
      c: CONSOLE_IDENTITIES['party-secretary']!.scope.communityIds[0],
    },
  );
  expect(await page.getByTestId('list-resources').locator('tbody tr').count()).toBe(threeLists.resources.length);
  await shoot(page, 'ledgers');
  await accessible(page);
  await page.close();
}, 90_000);

test('the development sign-in is off when the gateway trusts an identity provider; the console still loads', async () => {
  const html = await (await fetch(`${stack.gatewayUrl.replace(/\/graphql$/, '')}/console/`)).text();
  expect(html).toContain('<div id="root">');
  expect((await fetch(`${stack.gatewayUrl.replace(/\/graphql$/, '')}/console/api/dev-identities`)).status).toBe(404);
  expect((await fetch(`${origin}/console/api/dev-identities`)).status).toBe(200);
  expect(outside).toEqual([]); // every page above loaded from the gateway alone: nothing from a CDN
});
