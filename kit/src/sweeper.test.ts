import { startSweeper } from './sweeper';

const waitFor = async (done: () => boolean) => {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
};

test('rounds never overlap, a failed round is logged and the next runs, stop ends the loop', async () => {
  let running = 0;
  let overlapped = false;
  let rounds = 0;
  const logged: string[] = [];
  const sweeper = startSweeper(
    'test sweep',
    1,
    async () => {
      overlapped ||= running > 0;
      running++;
      rounds++;
      await new Promise((r) => setTimeout(r, 10));
      running--;
      if (rounds === 2) throw new Error('database down');
    },
    (message) => logged.push(message),
  );
  await waitFor(() => rounds >= 4);
  sweeper.stop();
  const stoppedAt = rounds;
  await new Promise((r) => setTimeout(r, 50));
  expect({ overlapped, logged, afterStop: rounds - stoppedAt }).toEqual({ overlapped: false, logged: ['test sweep: database down'], afterStop: 0 });
  expect(stoppedAt).toBeGreaterThanOrEqual(4);
});
