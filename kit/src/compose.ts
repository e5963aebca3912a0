import { existsSync, readFileSync } from 'node:fs';
import { loadTypeDefs } from './sdl';
import { composeServices } from '@apollo/composition';
import type { DocumentNode } from 'graphql';
import { listSubgraphs, subgraphUrl, supergraphPath } from './registry';
import { missingRules } from './auth/policy';

export interface CompositionResult {
  supergraphSdl?: string;
  errors: string[];
}

/**
 * Composes every registered subgraph's `schema.graphql`. Routing URLs use the registry's defaults (not the
 * environment), so the checked-in supergraph is the same on every machine; the gateway maps names to URLs at run time.
 * A type or root field without an access rule (docs/security.md) fails composition like a conflict does.
 * `outside`: departments that live outside subgraphs/ (their own SDL and URL), composed with the registered ones.
 */
export function composeSupergraph(root?: string, outside: Array<{ name: string; url: string; typeDefs: DocumentNode }> = []): CompositionResult {
  const services = [...listSubgraphs(root).map((entry) => ({ name: entry.name, url: subgraphUrl(entry, {}), typeDefs: loadTypeDefs(entry.schemaPath) })), ...outside];
  const unruled = services.flatMap(({ name, typeDefs }) => {
    const missing = missingRules(typeDefs);
    return missing.length ? [`[${name}] no @access rule (and no department default) for: ${missing.join(', ')}`] : [];
  });
  const result = composeServices(services);
  const errors = [...(result.errors ?? []).map((e) => e.message), ...unruled];
  if (errors.length) return { errors };
  return { supergraphSdl: result.supergraphSdl, errors: [] };
}

/** `compose --check`: composition must succeed and the checked-in supergraph must equal its output. */
export function checkSupergraph(): CompositionResult & { stale: boolean } {
  const result = composeSupergraph();
  const current = existsSync(supergraphPath) ? readFileSync(supergraphPath, 'utf8') : '';
  return { ...result, stale: result.supergraphSdl !== undefined && current !== result.supergraphSdl };
}
