import { AUDIT_COLLECTION, observeCommands, stableId } from '@cg/kit';
import { startStack, type Stack } from '@cg/kit/testing';

// Batching proven by the commands employment's driver sends, not by the answer alone.
let stack: Stack;
beforeAll(async () => {
  // Pages below pages of residents add up past the default cost limit: this file measures batching, not that limit.
  stack = await startStack({ limits: { maxCost: 1_000_000 } });
}, 120_000);
afterAll(() => stack.stop());

/**
 * `command collection` → how many were sent while `run` ran (a getMore only continues a query; the one access record
 * a sensitive read appends to audit_records is tests/security's subject, not batching's).
 */
async function countCommands(run: () => Promise<void>) {
  const watch = observeCommands(stack.departments.employment!.connection);
  try {
    await run();
  } finally {
    watch.stop();
  }
  return watch.commands
    .filter((c) => c.name !== 'getMore' && c.collection !== AUDIT_COLLECTION)
    .reduce<Record<string, number>>((acc, c) => ({ ...acc, [`${c.name} ${c.collection}`]: (acc[`${c.name} ${c.collection}`] ?? 0) + 1 }), {});
}

test("a page of postings with their employers and the employers' open postings: one query per collection", async () => {
  let data: any;
  const commands = await countCommands(async () => {
    const response = await stack.query(
      '{ jobPostings(first: 50, filter: { status: OPEN }) { totalCount edges { node { title employer { name kind openPostings { edges { node { id title } } } } } } } }',
    );
    expect(response.errors).toBeUndefined();
    data = response.data;
  });
  const employers = new Set(data.jobPostings.edges.map((e: any) => e.node.employer.name));
  expect(data.jobPostings.edges.length).toBeGreaterThan(5);
  expect(employers.size).toBeGreaterThan(2);
  // totalCount is one count command; the page and the open postings of every employer are one find each.
  expect(commands).toEqual({ 'count job_postings': 1, 'find job_postings': 2, 'find employers': 1 });
});

test("a grid's residents with status, history, applications, training, posts and matching postings: one query per collection", async () => {
  const gridId = stableId('grid', 'ZB-YHM-02');
  let data: any;
  const commands = await countCommands(async () => {
    const response = await stack.query(`{ grid(id: "${gridId}") { residents(first: 100) { edges { node { id
      employmentStatus { status employer { name } }
      employmentHistory(first: 5) { edges { node { status since until } } }
      jobApplications(first: 5) { totalCount edges { node { status posting { title } } } }
      courseEnrolments(first: 5) { totalCount edges { node { status course { title } } } }
      welfarePosts(first: 5) { totalCount edges { node { title fund { name } } } }
      matchingPostings(first: 3) { id }
    } } } } }`);
    expect(response.errors).toBeUndefined();
    data = response.data;
  });
  const residents = data.grid.residents.edges.map((e: any) => e.node);
  expect(residents.length).toBeGreaterThan(50);
  expect(residents.some((r: any) => r.jobApplications.totalCount > 0)).toBe(true);
  expect(residents.some((r: any) => r.courseEnrolments.totalCount > 0)).toBe(true);
  expect(residents.some((r: any) => r.employmentHistory.edges.length > 1)).toBe(true);
  expect(commands).toEqual({
    'find employment_records': 1,
    'find employers': 1,
    'find job_applications': 1,
    'find job_postings': 2, // the postings applied to, and the pool of open postings
    'find course_enrolments': 1,
    'find training_courses': 1,
    'find welfare_posts': 1,
    ...(residents.some((r: any) => r.welfarePosts.totalCount > 0) ? { 'find welfare_funds': 1 } : {}),
  });
});
