import { composeServices } from '@apollo/composition';
import { parse, type DocumentNode } from 'graphql';
import { missingRules } from '../auth/policy';
import { listSubgraphs, subgraphUrl } from '../registry';
import { loadTypeDefs } from '../sdl';

export interface ServiceDefinition {
  name: string;
  url: string;
  typeDefs: DocumentNode;
}

/** The departments of this repository as composed into schema/supergraph.graphql (registry default URLs). */
export const repositoryServices = (): ServiceDefinition[] =>
  listSubgraphs().map((entry) => ({ name: entry.name, url: subgraphUrl(entry, {}), typeDefs: loadTypeDefs(entry.schemaPath) }));

/**
 * The departments a schema registry serves now (its head version: what gateways following it compose), read from
 * its authenticated HTTP API (the gateway's `/registry`, GET /current with the registry token).
 */
export async function registryServices(registryUrl: string, token: string): Promise<ServiceDefinition[]> {
  const response = await fetch(`${registryUrl.replace(/\/$/, '')}/current`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json().catch(() => null)) as { subgraphs?: Array<{ name: string; url: string; sdl: string }>; reasons?: string[] } | null;
  if (!response.ok || !body?.subgraphs) {
    throw new Error(`the registry at ${registryUrl} gave no current departments (HTTP ${response.status}${body?.reasons ? `: ${body.reasons.join('; ')}` : ''})`);
  }
  return body.subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) }));
}

/**
 * Composes `candidate` with `current`, replacing a department of the same name. Like `npm run compose`, a type or
 * root field without an access rule fails it. Errors name the department they concern where composition says so.
 */
export function composeWith(
  candidate: { name: string; url: string; sdl: string },
  current: ServiceDefinition[],
): { supergraphSdl?: string; errors: string[]; services: ServiceDefinition[] } {
  let typeDefs: DocumentNode;
  try {
    typeDefs = parse(candidate.sdl);
  } catch (error) {
    return { errors: [`the SDL does not parse: ${(error as Error).message}`], services: current };
  }
  const services = [...current.filter((s) => s.name !== candidate.name), { name: candidate.name, url: candidate.url, typeDefs }].sort((a, b) => a.name.localeCompare(b.name));
  // `_service` SDL as federation libraries print it may list federation's own root fields; they need no rule.
  const missing = missingRules(typeDefs).filter((m) => !/^Query\._(entities|service)\b/.test(m));
  const unruled = missing.length ? [`[${candidate.name}] no @access rule (and no department default) for: ${missing.join(', ')}`] : [];
  const result = composeServices(services);
  const errors = [...(result.errors ?? []).map((e) => e.message), ...unruled];
  return errors.length ? { errors, services } : { supergraphSdl: result.supergraphSdl, errors: [], services };
}
