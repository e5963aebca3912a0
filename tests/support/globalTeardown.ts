type Stoppable = { stop(): Promise<void> };
export default async function globalTeardown(): Promise<void> {
  const run = globalThis as { __TEST_DATABASE__?: Stoppable; __TEST_SEED_COPY__?: { remove(): void } };
  run.__TEST_SEED_COPY__?.remove();
  await run.__TEST_DATABASE__?.stop();
}
