export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __MONGO__?: { stop(): Promise<void> } }).__MONGO__?.stop();
}
