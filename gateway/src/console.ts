import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import { repoRoot, type Identity } from '@cg/kit';
import { DEMO_IDENTITIES, mintDevToken } from './auth';

/**
 * The case-desk console (console/, built by `npm run console:build`) as static files at /console. In development the
 * gateway also lists demo identities and mints their tokens with the development key pair, for the console's sign-in
 * picker; in production the console takes a token from the identity provider and these routes do not exist.
 */
const consoleDist = () => process.env.CONSOLE_DIST ?? path.join(repoRoot, 'console', 'dist');

/** Demo callers for the picker: DEMO_IDENTITIES and the roster units that act on cases (the department a unit acts as). */
export const CONSOLE_IDENTITIES: Record<string, Omit<Identity, 'purpose'>> = {
  ...DEMO_IDENTITIES,
  'law-enforcement-clerk': { subject: 'demo-law-enforcement-clerk', department: 'law-enforcement', role: 'DEPARTMENT_CLERK', scope: { communityIds: [], gridIds: [] } },
  'water-clerk': { subject: 'demo-water-clerk', department: 'joint-unit:water', role: 'DEPARTMENT_CLERK', scope: { communityIds: [], gridIds: [] } },
  'property-desk': { subject: 'demo-property-desk', department: 'property:1', role: 'PROPERTY_STAFF', scope: { communityIds: [], gridIds: [] } },
};

/** Development sign-in: only when the gateway trusts the development key pair (no identity provider configured). */
export const devSignInEnabled = (env = process.env) => env.NODE_ENV !== 'production' && !env.AUTH_JWKS_URL && !env.AUTH_PUBLIC_KEYS;

// ECharts and React set inline styles; everything else comes from this origin (no CDN on the intranet).
const csp = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; script-src 'self'; connect-src 'self'";

export function mountConsole(app: Express, { devSignIn = false } = {}): void {
  if (devSignIn) {
    app.get('/console/api/dev-identities', (_req, res) => {
      res.json(Object.entries(CONSOLE_IDENTITIES).map(([key, identity]) => ({ key, role: identity.role, department: identity.department })));
    });
    app.post('/console/api/dev-token', express.json({ limit: '1kb' }), async (req, res) => {
      const key = (req.body as { key?: unknown } | undefined)?.key;
      const identity = typeof key === 'string' ? CONSOLE_IDENTITIES[key] : undefined;
      if (!identity) return void res.status(400).json({ error: 'unknown demo identity' });
      res.json({ token: await mintDevToken(identity, { expiresIn: '8h', issuer: process.env.AUTH_ISSUER }) });
    });
  }
  const dist = consoleDist();
  app.use('/console', (_req, res, next) => (res.set('content-security-policy', csp), next()));
  app.use('/console', express.static(dist, { index: 'index.html', maxAge: '1h', setHeaders: (res, file) => file.endsWith('index.html') && res.set('cache-control', 'no-cache') }));
  app.get('/console', (_req, res) => {
    if (existsSync(path.join(dist, 'index.html'))) return res.redirect('/console/');
    res.status(503).type('text').send('The console is not built: npm run console:build');
  });
}
