import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis as { __MONGO__?: { stop(): Promise<void> }; __KEYS_DIR__?: string };
  await state.__MONGO__?.stop();
  if (state.__KEYS_DIR__) rmSync(state.__KEYS_DIR__, { recursive: true, force: true });
}
