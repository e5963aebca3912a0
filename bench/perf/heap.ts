/**
 * Heap after a full garbage collection of a process started with `--inspect=127.0.0.1:<port>`, read over the
 * DevTools protocol (Node's built-in inspector and WebSocket): the process's own code is not changed to be measured.
 */
export async function heapAfterGcMb(inspectPort: number): Promise<number> {
  const [target] = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json()) as Array<{ webSocketDebuggerUrl: string }>;
  const socket = new WebSocket(target!.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => ((socket.onopen = resolve), (socket.onerror = reject)));
  let id = 0;
  const pending = new Map<number, (result: unknown) => void>();
  socket.onmessage = (event) => {
    const message = JSON.parse(String(event.data)) as { id: number; result?: unknown };
    pending.get(message.id)?.(message.result);
    pending.delete(message.id);
  };
  const call = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve) => {
      pending.set(++id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
  try {
    await call('HeapProfiler.collectGarbage');
    const { result } = (await call('Runtime.evaluate', { expression: 'process.memoryUsage().heapUsed', returnByValue: true })) as { result: { value: number } };
    return Math.round((result.value / 2 ** 20) * 10) / 10;
  } finally {
    socket.close();
  }
}
