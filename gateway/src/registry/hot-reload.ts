import type { SupergraphManager } from '@apollo/gateway';
import { logger } from '@cg/kit';
import type { SchemaRegistry } from './registry';
import { SwapGate } from './swap-gate';

export interface RegistryWatch {
  manager: SupergraphManager;
  /** The version being served. */
  served(): number | null;
  /** In front of /graphql: holds new requests while a swap runs. */
  gate: SwapGate;
}

/**
 * Serves the registry's head version and follows it: every `pollMs` the head is read (one small document) and a new
 * version handed to Apollo Gateway's `update` through the swap gate (swap-gate.ts), which swaps schema and query
 * planner for the next requests. An update the gateway rejects leaves the old supergraph served.
 */
export function watchRegistry(registry: SchemaRegistry, pollMs: number): RegistryWatch {
  let served: number | null = null;
  const gate = new SwapGate();
  const manager: SupergraphManager = {
    async initialize({ update }) {
      const current = await registry.current();
      served = current._id;
      let busy = false;
      const poll = async () => {
        if (busy) return;
        busy = true;
        try {
          const head = await registry.store.head();
          if (head === null || head === served) return;
          const version = await registry.store.version(head);
          if (!version) return;
          const started = performance.now();
          await gate.exclusive(() => update(version.supergraphSdl));
          logger.info({ from: served, to: head, change: version.change, ms: Math.round(performance.now() - started) }, 'schema registry: serving a new supergraph');
          served = head;
        } catch (error) {
          logger.warn({ err: (error as Error).message, served }, 'schema registry: keeping the served supergraph');
        } finally {
          busy = false;
        }
      };
      const timer = setInterval(() => void poll(), pollMs);
      timer.unref();
      return { supergraphSdl: current.supergraphSdl, cleanup: async () => clearInterval(timer) };
    },
  };
  return { manager, gate, served: () => served };
}
