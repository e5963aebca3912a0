import type { Express } from 'express';
import { watchRegistry, type RegistryWatch } from './hot-reload';
import { registryRouter } from './http';
import { SchemaRegistry } from './registry';
import { connectRegistryStore } from './store';

export interface RegistryOptions {
  /** The registry's MongoDB; its own database (`<prefix>_registry`). */
  uri: string;
  dbName?: string;
  pollMs?: number;
  /** Enables POST /registry/publish and /rollback on the gateway. */
  token?: string;
}

/** SCHEMA_REGISTRY_URI turns the registry on; without it the gateway serves the checked-in supergraph. */
export const registryOptionsFromEnv = (env = process.env): RegistryOptions | undefined =>
  env.SCHEMA_REGISTRY_URI ? { uri: env.SCHEMA_REGISTRY_URI, pollMs: Number(env.SCHEMA_REGISTRY_POLL_MS ?? 2000), token: env.REGISTRY_TOKEN } : undefined;

export interface GatewayRegistry extends RegistryWatch {
  registry: SchemaRegistry;
  mount(app: Express): void;
  close(): Promise<void>;
}

export async function openGatewayRegistry(options: RegistryOptions): Promise<GatewayRegistry> {
  const store = await connectRegistryStore(options.uri, options.dbName);
  const registry = new SchemaRegistry(store);
  const watch = watchRegistry(registry, options.pollMs ?? 2000);
  return {
    ...watch,
    registry,
    mount: (app) => void (options.token && app.use('/registry', registryRouter(registry, options.token))),
    close: () => store.close(),
  };
}

export { SchemaRegistry, PublishRefused } from './registry';
export { connectRegistryStore } from './store';
