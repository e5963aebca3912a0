import { createServer, connect, type AddressInfo, type Socket } from 'node:net';
import { connectDatabase } from './mongo';

// A department starting while its database is still starting (or busy) waits for it rather than exiting at once.
const target = new URL(process.env.MONGODB_URI!);

/** A port where nothing listens yet: taken and released. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

test('the first connect keeps asking until the database answers', async () => {
  const port = await freePort();
  const connecting = connectDatabase({ uri: `mongodb://127.0.0.1:${port}/`, dbName: 'connect_probe' });
  await new Promise((resolve) => setTimeout(resolve, 1500)); // longer than one server selection (1 s)
  const sockets = new Set<Socket>();
  const proxy = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => sockets.forEach((s) => s.destroy()));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
  try {
    const connection = await connecting;
    expect(await connection.db!.admin().ping()).toMatchObject({ ok: 1 });
    await connection.close();
  } finally {
    sockets.forEach((socket) => socket.destroy());
    proxy.close();
  }
});

test("and gives up after MONGODB_CONNECT_TIMEOUT_MS with the driver's server selection error", async () => {
  process.env.MONGODB_CONNECT_TIMEOUT_MS = '1500';
  try {
    const started = Date.now();
    await expect(connectDatabase({ uri: `mongodb://127.0.0.1:${await freePort()}/`, dbName: 'connect_probe' })).rejects.toMatchObject({ name: 'MongooseServerSelectionError' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
  } finally {
    delete process.env.MONGODB_CONNECT_TIMEOUT_MS;
  }
});
