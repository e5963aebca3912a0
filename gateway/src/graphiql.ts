import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Express, Request } from 'express';
import { logger, repoRoot } from '@cg/kit';
import { exampleOperations } from './examples';

/**
 * GraphiQL for browsers on `GET /graphql`, bundled from npm with esbuild on first use and cached on disk
 * (`GRAPHIQL_CACHE_DIR`, default node_modules/.cache/cg-graphiql), so it works on networks cut off from the
 * internet: the page loads nothing but its own two assets, and its CSP forbids anything else.
 * Its tabs are the example operations (./examples).
 */
const entry = path.join(repoRoot, 'gateway', 'graphiql', 'app.js');
const cacheRoot = () => process.env.GRAPHIQL_CACHE_DIR ?? path.join(repoRoot, 'node_modules', '.cache', 'cg-graphiql');
const tokenPlaceholder = '<paste a token>';
/** What the page answers until a token is in its Headers tab (every operation needs one, the schema included). */
const tokenHint =
  'Sign in first: paste a token into the Headers tab as {"Authorization": "Bearer <token>"} (in development: npm run -s mint-token -- civil-affairs-clerk), then run again.';

const version = (pkg: string) => (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version;

/** The cache key: the entry's source and the versions of everything bundled. */
function bundleKey(): string {
  const hash = createHash('sha256').update(readFileSync(entry));
  for (const pkg of ['graphiql', '@graphiql/react', 'react', 'react-dom', 'esbuild']) hash.update(`${pkg}@${version(pkg)}`);
  return hash.digest('hex').slice(0, 16);
}

interface GraphiqlAssets {
  js: Buffer;
  css: Buffer;
}

let building: Promise<GraphiqlAssets> | undefined;

/** Builds the bundle unless the cache has it; several processes may race, each writes to its own folder then renames. */
function graphiqlAssets(): Promise<GraphiqlAssets> {
  return (building ??= (async () => {
    const dir = path.join(cacheRoot(), bundleKey());
    if (!existsSync(path.join(dir, 'app.css'))) {
      const started = Date.now();
      const { build } = await import('esbuild');
      const tmp = `${dir}.${process.pid}.${Date.now()}`;
      await build({
        entryPoints: { app: entry },
        bundle: true,
        minify: true,
        format: 'iife',
        target: 'es2020',
        outdir: tmp,
        define: { 'process.env.NODE_ENV': '"production"' },
        loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl' },
        logLevel: 'silent',
      });
      mkdirSync(path.dirname(dir), { recursive: true });
      try {
        renameSync(tmp, dir);
      } catch {
        rmSync(tmp, { recursive: true, force: true }); // another process won the race
      }
      logger.info({ ms: Date.now() - started, dir }, 'bundled GraphiQL');
    }
    return { js: readFileSync(path.join(dir, 'app.js')), css: readFileSync(path.join(dir, 'app.css')) };
  })().catch((error) => {
    building = undefined; // let the next request try again
    throw error;
  }));
}

const page = (config: unknown) => `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Community governance graph · GraphiQL</title>
<link rel="stylesheet" href="/graphiql/app.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script type="application/json" id="cg-graphiql-config">${JSON.stringify(config).replace(/</g, '\\u003c')}</script>
<script src="/graphiql/app.js"></script>
</body>
</html>`;

// Only this origin: proves (and enforces) that nothing comes from a CDN. GraphiQL sets inline styles.
const csp = "default-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; script-src 'self'; connect-src 'self'";

/** A browser navigating to the endpoint (HTML preferred, no `query` parameter) gets GraphiQL; anything else passes on. */
const wantsPage = (req: Request) => req.method === 'GET' && !req.query.query && req.accepts(['application/json', 'text/html']) === 'text/html';

export function mountGraphiql(app: Express, endpoint = '/graphql'): void {
  app.get(endpoint, (req, res, next) => {
    if (!wantsPage(req)) return next();
    const tabs = exampleOperations().map((op) => ({ query: op.query, variables: op.variables }));
    const defaultHeaders = JSON.stringify({ Authorization: `Bearer ${tokenPlaceholder}` }, null, 2);
    res.set('content-security-policy', csp).type('html').send(page({ endpoint, tabs, defaultHeaders, tokenPlaceholder, tokenHint }));
  });
  const asset = (kind: keyof GraphiqlAssets, type: string) => async (_req: Request, res: import('express').Response) => {
    try {
      res
        .type(type)
        .set('cache-control', 'public, max-age=3600')
        .send((await graphiqlAssets())[kind]);
    } catch (error) {
      logger.error({ err: error }, 'GraphiQL bundle failed');
      res.status(500).type('text').send('GraphiQL could not be bundled; see the gateway log');
    }
  };
  app.get('/graphiql/app.js', asset('js', 'application/javascript'));
  app.get('/graphiql/app.css', asset('css', 'text/css'));
}
