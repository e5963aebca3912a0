export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __TEST_DATABASE__?: { stop(): Promise<void> } }).__TEST_DATABASE__?.stop();
}
