import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { repoRoot, type Identity } from '@cg/kit';

/**
 * Trusted documents (受信操作): a front-end app registers its operations at build time in a manifest in the format
 * of GraphQL Code Generator's client preset with `persistedDocuments` (`{ "sha256:<hex>": "<document>" }`; the
 * example operations under docs/operations/ are one, written by `npm run persisted-documents`). A request names a
 * document by `documentId` or Apollo's `extensions.persistedQuery.sha256Hash`, and the gateway puts the registered
 * text in its place. For a client configured as trusted (`apollographql-client-name`), in production (or with
 * enforcement switched on) nothing else runs: other text is refused with PERSISTED_QUERY_REQUIRED, an unknown id
 * with PERSISTED_QUERY_NOT_FOUND. Callers of the roles allowed ad-hoc queries (auditors) are not held to it.
 */
export interface TrustedDocumentsConfig {
  /** Client names (apollographql-client-name) that may run registered documents only. */
  clients: string[];
  /** Roles whose callers may send any text even from a trusted client. */
  adHocRoles: string[];
  /** Refuse unregistered text from trusted clients (default: in production). */
  enforce: boolean;
  /** hash → document. */
  manifest: Record<string, string>;
}

export const manifestPath = path.join(repoRoot, 'docs', 'operations', 'persisted-documents.json');
const list = (value: string | undefined, fallback: string[]) =>
  value === undefined
    ? fallback
    : value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);

/** GATEWAY_TRUSTED_CLIENTS, GATEWAY_ADHOC_ROLES (default AUDITOR), GATEWAY_TRUSTED_DOCUMENTS (enforce/off; default: enforce in production), GATEWAY_PERSISTED_DOCUMENTS (the manifest). */
export function trustedDocumentsFromEnv(env = process.env): TrustedDocumentsConfig {
  const file = env.GATEWAY_PERSISTED_DOCUMENTS ?? manifestPath;
  const mode = (env.GATEWAY_TRUSTED_DOCUMENTS ?? (env.NODE_ENV === 'production' ? 'enforce' : 'off')).toLowerCase();
  if (!['enforce', 'off'].includes(mode)) throw new Error('GATEWAY_TRUSTED_DOCUMENTS must be "enforce" or "off"');
  if (env.GATEWAY_PERSISTED_DOCUMENTS && !existsSync(file)) throw new Error(`GATEWAY_PERSISTED_DOCUMENTS: no file ${file}`);
  return {
    clients: list(env.GATEWAY_TRUSTED_CLIENTS, []),
    adHocRoles: list(env.GATEWAY_ADHOC_ROLES, ['AUDITOR']),
    enforce: mode === 'enforce',
    manifest: existsSync(file) ? readManifest(readFileSync(file, 'utf8')) : {},
  };
}

/** A manifest checked: an object of `sha256:<hex>` (or bare hex) → the document whose SHA-256 that is. */
export function readManifest(json: string): Record<string, string> {
  const manifest = JSON.parse(json) as Record<string, unknown>;
  for (const [id, document] of Object.entries(manifest)) {
    if (typeof document !== 'string' || documentHash(document) !== id.replace(/^sha256:/, '')) throw new Error(`persisted documents: ${id} is not the SHA-256 of its document`);
  }
  return manifest as Record<string, string>;
}

export const documentHash = (document: string) => createHash('sha256').update(document).digest('hex');

type Body = { query?: unknown; documentId?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } };

function refuse(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** Express middleware after authentication and body parsing, before Apollo (GET and POST). */
export function trustedDocuments(config: TrustedDocumentsConfig) {
  const byHash = new Map(Object.entries(config.manifest).map(([id, document]) => [id.replace(/^sha256:/, ''), document]));
  return (req: Request, res: Response, next: NextFunction) => {
    const get = req.method === 'GET';
    const body: Body = get ? parseGetParams(req.query) : ((req.body ?? {}) as Body);
    const identity = res.locals.identity as Identity | null;
    const client = req.header('apollographql-client-name') ?? '';
    const held = config.enforce && config.clients.includes(client) && !(identity && config.adHocRoles.includes(identity.role));
    const requested = typeof body.documentId === 'string' ? body.documentId : body.extensions?.persistedQuery?.sha256Hash;
    const id = typeof requested === 'string' ? requested.replace(/^sha256:/, '') : undefined;
    if (id !== undefined) {
      const document = byHash.get(id);
      if (document === undefined) {
        // Not ours: Apollo's automatic persisted queries may know it, unless the client is held to the manifest.
        if (held || typeof body.documentId === 'string') return refuse(res, 400, 'PERSISTED_QUERY_NOT_FOUND', `no registered operation has the id ${requested}`);
        return next();
      }
      if (typeof body.query === 'string' && body.query !== document) return refuse(res, 400, 'BAD_REQUEST', 'the query text differs from the registered operation of that id');
      const resolved = { ...body, query: document };
      delete resolved.documentId;
      if (resolved.extensions) resolved.extensions = { ...resolved.extensions, persistedQuery: undefined };
      if (get) req.url = withParams(req.url, { query: document, documentId: undefined, extensions: resolved.extensions ? JSON.stringify(resolved.extensions) : undefined });
      else req.body = resolved;
      return next();
    }
    if (held && !(typeof body.query === 'string' && byHash.has(documentHash(body.query)))) {
      return refuse(res, 400, 'PERSISTED_QUERY_REQUIRED', `client "${client}" runs registered operations only: send its documentId or extensions.persistedQuery.sha256Hash`);
    }
    next();
  };
}

/** A GET's URL with parameters replaced (Apollo reads a GET's operation from `req.url`). */
function withParams(url: string, changes: Record<string, string | undefined>): string {
  const [pathname, search = ''] = url.split('?', 2) as [string, string?];
  const params = new URLSearchParams(search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) params.delete(key);
    else params.set(key, value);
  }
  return `${pathname}?${params}`;
}

function parseGetParams(query: Request['query']): Body {
  let extensions: Body['extensions'];
  try {
    extensions = typeof query.extensions === 'string' ? (JSON.parse(query.extensions) as Body['extensions']) : undefined;
  } catch {
    extensions = undefined;
  }
  return { query: query.query, documentId: query.documentId, extensions };
}
