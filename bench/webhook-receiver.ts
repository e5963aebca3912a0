/**
 * A partner's webhook receiver for bench/fault-webhooks.ts, as its own process so the run can SIGKILL it. It honours
 * the idempotency key: a key it has applied (appended to KEYS_FILE before answering 200) is answered 200 again and
 * counted as a duplicate, not applied twice. Refuses a bad signature with 401. Answers after DELAY_MS, so deliveries
 * are in flight when a process is killed.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { SIGNATURE_HEADER, verifyWebhook } from '@cg/kit';

const { PORT, KEYS_FILE, SECRET, DELAY_MS = '20' } = process.env;
const applied = new Set(existsSync(KEYS_FILE!) ? readFileSync(KEYS_FILE!, 'utf8').split('\n').filter(Boolean) : []);

createServer((req, res) => {
  if (req.method === 'GET') return void res.writeHead(200).end(); // readiness
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    setTimeout(() => {
      const key = req.headers['idempotency-key'];
      if (!verifyWebhook(SECRET!, body, req.headers[SIGNATURE_HEADER] as string) || typeof key !== 'string') {
        appendFileSync(`${KEYS_FILE}.refused`, `${key}\n`);
        res.writeHead(401).end();
        return;
      }
      if (applied.has(key)) appendFileSync(`${KEYS_FILE}.duplicates`, `${key}\n`);
      else {
        appendFileSync(KEYS_FILE!, `${key}\n`); // applied: durable before the 200
        applied.add(key);
      }
      res.writeHead(200).end();
    }, Number(DELAY_MS));
  });
}).listen(Number(PORT), '127.0.0.1', () => console.error(`receiver ready on ${PORT}`));
