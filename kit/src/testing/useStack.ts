import type { World } from '../index';
import { buildWorld } from './seedCopy';
import { startStack, type Stack, type StackOptions } from './stack';

/** What a test file's stack gives its tests: the stack (usable once beforeAll has run) and the demo world it was seeded with. */
export interface UsedStack {
  stack: Stack;
  /** The seeded world (scale `small`, as startStack writes it). */
  world: () => World;
}

/**
 * Starts the stack in beforeAll and stops it in afterAll, the prologue every e2e file shares. The stack returned
 * forwards to the one started, so tests call `stack.query(…)` as they would on startStack's.
 */
export function useStack(options: StackOptions = {}): UsedStack {
  let running: Stack | undefined;
  let built: World | undefined;
  const current = () => running ?? fail('the stack is started in beforeAll: use it inside a test or hook');
  const stack: Stack = {
    get gatewayUrl() {
      return current().gatewayUrl;
    },
    get departments() {
      return current().departments;
    },
    query: (...args) => current().query(...args),
    post: (...args) => current().post(...args),
    token: (...args) => current().token(...args),
    stop: () => current().stop(),
  };
  beforeAll(async () => {
    if (options.seed !== false) built = await buildWorld('small');
    running = await startStack(options);
  }, 120_000);
  afterAll(() => running?.stop());
  return { stack, world: () => built ?? fail('no world: the stack was started without a seed') };
}

function fail(message: string): never {
  throw new Error(message);
}
