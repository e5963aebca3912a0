/**
 * `npm run check-logs -- <file>…`: fails (exit 1) when a log holds anything shaped like a full 身份证号 or mobile
 * number, e.g. `npm test 2>&1 | tee test.log && npm run check-logs -- test.log`.
 */
import { readFileSync } from 'node:fs';
import { FULL_ID_NUMBER, FULL_PHONE } from '@cg/kit';

let found = 0;
for (const file of process.argv.slice(2)) {
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const hits = [...line.matchAll(FULL_ID_NUMBER), ...line.matchAll(FULL_PHONE)].map((m) => m[0]);
      if (hits.length === 0) return;
      found += hits.length;
      // Print where, never the value itself.
      console.error(`${file}:${i + 1}: ${hits.length} full ID number(s) or phone(s)`);
    });
}
if (found) process.exit(1);
console.log('no full ID number or phone in the logs');
