// Browser entry of the gateway's GraphiQL page, bundled by gateway/src/graphiql.ts with esbuild (no CDN at run time).
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';

const config = JSON.parse(document.getElementById('cg-graphiql-config').textContent);

// The headers editor starts with this placeholder; until someone pastes a real token it is not sent (a malformed
// Authorization header would be refused as such), and the gateway's 401 comes back with how to get a token.
const isPlaceholder = (value) => typeof value !== 'string' || value.trim() === '' || value.includes(config.tokenPlaceholder);

async function fetcher(params, options = {}) {
  const headers = { 'content-type': 'application/json', accept: 'application/json' };
  for (const [name, value] of Object.entries(options.headers ?? {})) if (!isPlaceholder(value)) headers[name] = value;
  const response = await fetch(config.endpoint, { method: 'POST', headers, body: JSON.stringify(params), credentials: 'same-origin' });
  const body = await response.json();
  if (response.status === 401 && !headers.Authorization && !headers.authorization) {
    // Nothing is served without a token: ask for one where it goes.
    body.errors = [{ ...body.errors?.[0], message: config.tokenHint }];
  }
  return body;
}

createRoot(document.getElementById('graphiql')).render(
  createElement(GraphiQL, {
    fetcher,
    defaultTabs: config.tabs.map((tab) => ({ ...tab, headers: config.defaultHeaders })),
    defaultHeaders: config.defaultHeaders,
    // GraphiQL 4 starts the variables editor empty instead of with the first tab's variables.
    variables: config.tabs[0]?.variables,
    defaultEditorToolsVisibility: 'variables',
    shouldPersistHeaders: false,
  }),
);
