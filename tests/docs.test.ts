import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@cg/kit';

// docs/production.md is the configuration reference: every environment variable the code reads must be in it.
const sources = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', 'scripts/*.sh', 'Dockerfile'], { cwd: repoRoot, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && !f.includes('/generated/'));
const read = (file: string) => {
  try {
    return readFileSync(path.join(repoRoot, file), 'utf8');
  } catch {
    return ''; // deleted but not yet committed
  }
};

test('every environment variable the code reads is in the configuration reference', () => {
  const names = new Set<string>();
  for (const file of sources) {
    for (const match of read(file).matchAll(/(?:process\.)?env(?:\.|\[['"`])([A-Z][A-Z0-9_]{2,})/g)) names.add(match[1]!);
  }
  names.delete('JEST_WORKER_ID'); // set by jest itself
  const reference = readFileSync(path.join(repoRoot, 'docs', 'production.md'), 'utf8');
  const missing = [...names].filter((name) => !reference.includes(`\`${name}\``)).sort();
  expect(names.size).toBeGreaterThan(10);
  expect(missing).toEqual([]);
});

// docs/schema.md: a newcomer finds where any field is resolved in one step, so every field row links an existing file.
test('every field in the schema reference links the file that resolves it', () => {
  const rows = read('docs/schema.md')
    .split('\n')
    .filter((line) => /^\| `\w+/.test(line) && !line.includes('| --- |'));
  const fieldRows = rows.filter((line) => line.split(' | ').length >= 4 && /\| (party|civil-affairs|property|employment|law-enforcement)\b/.test(line));
  expect(fieldRows.length).toBeGreaterThan(500);
  const unlinked = fieldRows.filter((line) => !/\]\(\.\.\/[^)]+\.ts\)/.test(line)).map((line) => line.slice(0, 80));
  expect(unlinked).toEqual([]);
  const missing = fieldRows.flatMap((line) => [...line.matchAll(/\]\(\.\.\/([^)]+\.ts)\)/g)].map((m) => m[1]!)).filter((file) => !read(file));
  expect([...new Set(missing)]).toEqual([]);
});
