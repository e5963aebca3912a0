import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { repoRoot } from '@cg/kit';
import { exampleOperation } from '@cg/gateway/examples';
import { startStack, type Stack } from '@cg/kit/testing';

// Functions passed to page.evaluate run in the browser; the repo's TypeScript config has no DOM library.
declare const document: any;

// A person opening the gateway in a browser: GraphiQL from the gateway itself (no CDN), the README example runs.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(executablePath)) throw new Error(`${executablePath} is missing: apt-get install -y chromium (.ci/run does)`);
  stack = await startStack();
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The text of every CodeMirror editor on the page (query, variables, headers, result), by its pane. */
const editors = () =>
  Array.from(document.querySelectorAll('.CodeMirror') as ArrayLike<any>).map((el) => ({
    pane: el.closest('.result-window') ? 'result' : el.closest('.graphiql-editor-tool') ? 'tool' : 'query',
    value: el.CodeMirror.getValue() as string,
  }));

test('GET /graphql in a browser serves GraphiQL from the gateway; the example query runs and shows its result', async () => {
  const page = await browser.newPage();
  const origin = new URL(stack.gatewayUrl).origin;
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  const sent: Array<Record<string, string>> = [];
  page.on('request', (request) => request.method() === 'POST' && sent.push(request.headers()));

  const response = await page.goto(stack.gatewayUrl);
  expect(response?.headers()['content-type']).toMatch(/text\/html/);
  await page.waitForSelector('.graphiql-container .CodeMirror', { timeout: 20_000 });

  // The first tab is docs/example-query.graphql with its variables; the headers editor offers Authorization.
  const before = await page.evaluate(editors);
  const example = exampleOperation('docs/example-query.graphql');
  expect(before.find((e) => e.pane === 'query')?.value).toBe(example.query);
  expect(before.some((e) => e.pane === 'tool' && /"Authorization": "Bearer </.test(e.value))).toBe(true);

  /** Runs the query in the page and returns the result pane once a new answer is shown. */
  const run = async () => {
    await page.evaluate(() => document.querySelector('.result-window .CodeMirror')?.CodeMirror.setValue(''));
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(() => /"data"|"errors"/.test(document.querySelector('.result-window .CodeMirror')?.textContent ?? ''), null, { timeout: 20_000 });
    return JSON.parse((await page.evaluate(editors)).find((e) => e.pane === 'result')!.value);
  };
  const variables = JSON.parse(example.variables!);

  // The placeholder token is not sent: an anonymous caller gets nothing, and the page asks for a token.
  const anonymous = await run();
  expect(sent.at(-1)?.authorization).toBeUndefined();
  expect(anonymous.data).toBeUndefined();
  expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  expect(anonymous.errors?.[0]?.message).toMatch(/paste a token into the Headers tab/);

  // A pasted token goes out as the Authorization header, and the example answers in full.
  const token = await stack.token('civil-affairs-clerk');
  await page.evaluate((value: string) => {
    const headers = Array.from(document.querySelectorAll('.graphiql-editor-tool .CodeMirror') as ArrayLike<any>).find((el) => el.CodeMirror.getValue().includes('Authorization'));
    headers.CodeMirror.setValue(JSON.stringify({ Authorization: `Bearer ${value}` }));
  }, token);
  const shown = await run();
  expect(sent.at(-1)?.authorization).toBe(`Bearer ${token}`);
  expect(shown).toEqual(await stack.query(example.query, variables));
  expect(shown.data.resident.household.dwelling.building.grid.partyBranch.members.totalCount).toBeGreaterThan(0);

  // Everything the page loaded came from the gateway: nothing from a CDN.
  expect(requested.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
  await page.screenshot({ path: path.join(repoRoot, '.data', 'graphiql.png') }).catch(() => undefined);
  await page.close();
}, 90_000);

test('non-browser clients still get GraphQL over GET (with a token), and the Apollo CDN landing page is off', async () => {
  const url = `${stack.gatewayUrl}?query=${encodeURIComponent('{__typename}')}`;
  const get = await fetch(url, { headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${await stack.token('civil-affairs-clerk')}` } });
  expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
  expect((await fetch(url, { headers: { 'apollo-require-preflight': 'true' } })).status).toBe(401);
  const html = await (await fetch(stack.gatewayUrl, { headers: { accept: 'text/html' } })).text();
  expect(html).toContain('/graphiql/app.js');
  expect(html).not.toMatch(/apollographql\.com|cdn\./i);
});
