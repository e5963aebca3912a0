import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { parse, print, validate } from 'graphql';
import { repoRoot } from '@cg/kit';
import { composeWith, repositoryServices, type ServiceDefinition } from '@cg/kit/conformance';
import { exampleOperations } from '../examples';
import type { PublishedSubgraph, RegistryStore, SchemaVersion } from './store';

export interface Operation {
  name: string;
  body: string;
}

/**
 * The operations clients depend on: docs/operations/* (and the README example), plus a trusted-documents manifest
 * (Apollo's persisted-query manifest format) when `TRUSTED_DOCUMENTS` or schema/trusted-documents.json names one.
 */
function operationsInUse(manifest = process.env.TRUSTED_DOCUMENTS ?? path.join(repoRoot, 'schema', 'trusted-documents.json')): Operation[] {
  const operations = exampleOperations().map((op) => ({ name: op.file, body: op.query }));
  if (existsSync(manifest)) {
    const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { operations?: Array<{ id?: string; name?: string; body: string }> };
    for (const op of parsed.operations ?? []) operations.push({ name: `trusted document ${op.name ?? op.id}`, body: op.body });
  }
  return operations;
}

/** Operations the API schema of `supergraphSdl` no longer accepts, with GraphQL's reasons. */
function brokenOperations(supergraphSdl: string, operations: Operation[]): string[] {
  const api = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
  return operations.flatMap((op) => validate(api, parse(op.body)).map((e) => `${op.name}: ${e.message}`));
}

export class PublishRefused extends Error {
  constructor(readonly reasons: string[]) {
    super(`publish refused:\n  ${reasons.join('\n  ')}`);
  }
}

const asService = (s: PublishedSubgraph): ServiceDefinition => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) });
const asPublished = (s: ServiceDefinition): PublishedSubgraph => ({ name: s.name, url: s.url, sdl: print(s.typeDefs) });

/**
 * Publish, roll back and read versions. A publish is composed with the departments of the head version (or, for an
 * empty registry, this repository's) and refused unless it composes and every operation in use still validates;
 * only then is it stored, and only a stored version is ever served.
 */
export class SchemaRegistry {
  constructor(
    readonly store: RegistryStore,
    private readonly operations: () => Operation[] = () => operationsInUse(),
  ) {}

  /** The served version, storing this repository's departments as version 1 when the registry is empty. */
  async current(): Promise<SchemaVersion> {
    const head = await this.store.head();
    if (head !== null) return (await this.store.version(head))!;
    const services = repositoryServices();
    const composed = composeWith({ ...asPublished(services[0]!), sdl: print(services[0]!.typeDefs) }, services);
    if (!composed.supergraphSdl) throw new Error(`the repository's departments do not compose: ${composed.errors.join('; ')}`);
    const base = {
      subgraphs: services.map(asPublished),
      supergraphSdl: composed.supergraphSdl,
      at: new Date(),
      by: 'registry',
      change: 'baseline: the departments of this repository',
    };
    await this.store.append(null, base).catch(() => undefined); // another gateway may have stored it first
    return (await this.store.version((await this.store.head())!))!;
  }

  async publish(subgraph: PublishedSubgraph, by: string): Promise<{ version: number; supergraphSdl: string }> {
    const head = await this.current();
    if (!/^[a-z][a-z-]{0,39}$/.test(subgraph.name)) throw new PublishRefused([`name "${subgraph.name}": lower-case letters and dashes`]);
    if (!/^https?:\/\/[^\s]+$/.test(subgraph.url)) throw new PublishRefused([`url "${subgraph.url}": an http(s) URL of the department's /graphql`]);
    const composed = composeWith(subgraph, head.subgraphs.map(asService));
    if (!composed.supergraphSdl) throw new PublishRefused(composed.errors.map((e) => `composition: ${e}`));
    const broken = brokenOperations(composed.supergraphSdl, this.operations());
    if (broken.length) throw new PublishRefused(broken.map((e) => `breaks an operation in use: ${e}`));
    const version = await this.store.append(head._id, {
      subgraphs: composed.services.map(asPublished),
      supergraphSdl: composed.supergraphSdl,
      at: new Date(),
      by,
      change: `publish ${subgraph.name}`,
    });
    return { version, supergraphSdl: composed.supergraphSdl };
  }

  /** Serves `version` again, as a new version (still checked against the operations in use). */
  async rollback(version: number, by: string): Promise<{ version: number }> {
    const target = await this.store.version(version);
    if (!target) throw new PublishRefused([`there is no version ${version}`]);
    const head = await this.current();
    const broken = brokenOperations(target.supergraphSdl, this.operations());
    if (broken.length) throw new PublishRefused(broken.map((e) => `breaks an operation in use: ${e}`));
    const id = await this.store.append(head._id, { subgraphs: target.subgraphs, supergraphSdl: target.supergraphSdl, at: new Date(), by, change: `rollback to ${version}` });
    return { version: id };
  }
}
