import type { SeedDoc } from '@cg/kit';
import { expectError, snapshot, useStack } from '@cg/kit/testing';
import { key, workingAge } from './support';

// Employers, postings, applications and placements through the gateway, on the seeded demo world.
const { stack, world } = useStack({ as: 'employment-clerk' }); // the department's own clerk writes here

const PAGE = `query($filter: JobPostingFilter, $sort: JobPostingSort, $first: Int, $after: String) {
  jobPostings(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount edges { cursor node { id title monthlyWage status openings employer { id } } } pageInfo { hasNextPage endCursor }
  }
}`;

async function allPages(filter: Record<string, unknown>, sort: string, first: number) {
  const seen: any[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let page = 0; page < 50; page++) {
    const { data, errors }: { data?: any; errors?: any[] } = await stack.query(PAGE, { filter, sort, first, after });
    expect(errors).toBeUndefined();
    totalCount = data.jobPostings.totalCount;
    expect(data.jobPostings.edges.length).toBeLessThanOrEqual(first);
    seen.push(...data.jobPostings.edges.map((e: any) => e.node));
    if (!data.jobPostings.pageInfo.hasNextPage) return { seen, totalCount };
    after = data.jobPostings.pageInfo.endCursor;
  }
  throw new Error('pagination did not end');
}

test('postings filtered by status and wage range, highest wage first, page by page: no gaps, no repeats, totalCount', async () => {
  const postings = world().employment!.JobPosting!;
  const expected = postings
    .filter((p) => p.status === 'OPEN' && (p.monthlyWage as number) >= 2500 && (p.monthlyWage as number) <= 4000)
    .sort((a, b) => (b.monthlyWage as number) - (a.monthlyWage as number) || a._id.localeCompare(b._id));
  expect(expected.length).toBeGreaterThan(4);
  const { seen, totalCount } = await allPages({ status: 'OPEN', minWage: 2500, maxWage: 4000 }, 'WAGE_HIGHEST', 3);
  expect(totalCount).toBe(expected.length);
  expect(seen.map((p) => p.id)).toEqual(expected.map((p) => p._id));
});

test('postings of one employer and by a word of the title', async () => {
  const posting = world().employment!.JobPosting!.find((p) => String(p.title).includes('工'))!;
  const byEmployer = world().employment!.JobPosting!.filter((p) => p.employerId === posting.employerId);
  const { seen, totalCount } = await allPages({ employerId: posting.employerId }, 'POSTED_OLDEST', 1);
  expect(totalCount).toBe(byEmployer.length);
  expect(seen.map((p) => p.id).sort()).toEqual(byEmployer.map((p) => p._id).sort());
  expect(seen.map((p) => p.id)).toEqual([...byEmployer].sort((a, b) => String(a.postedOn).localeCompare(String(b.postedOn)) || a._id.localeCompare(b._id)).map((p) => p._id));
  const word = String(posting.title).slice(0, 2);
  const titled = await allPages({ titleContains: word }, 'POSTED_NEWEST', 100);
  expect(titled.seen.map((p) => p.id).sort()).toEqual(
    world()
      .employment!.JobPosting!.filter((p) => String(p.title).includes(word))
      .map((p) => p._id)
      .sort(),
  );
});

test('bad filters and cursors are typed errors', async () => {
  expectError(await stack.query(PAGE, { filter: { minWage: 5000, maxWage: 1000 } }), 'BAD_USER_INPUT', 'filter.maxWage');
  expectError(await stack.query(PAGE, { filter: { employerId: 'nope' } }), 'BAD_USER_INPUT', 'filter.employerId');
  expectError(await stack.query(PAGE, { after: 'garbage' }), 'BAD_USER_INPUT', 'after');
});

const CREATE_EMPLOYER = `mutation($input: CreateEmployerInput!) { createEmployer(input: $input) { id name kind contactPhone jobsProvided openPostings { totalCount } } }`;
const CREATE_POSTING = `mutation($input: CreateJobPostingInput!) { createJobPosting(input: $input) { id openings filled status employer { name } } }`;

test('each invalid create is refused with a typed error naming the field and changes nothing', async () => {
  const employerId = world().employment!.Employer![0]!._id;
  const good = { name: '雷山县苗绣就业帮扶车间', kind: 'ASSISTANCE_WORKSHOP', address: '雷山县丹江镇', contactPhone: '13912345678', jobsProvided: 30 };
  const posting = { employerId, title: '绣娘', openings: 5, monthlyWage: 3000, postedOn: '2026-10-01' };
  const before = await snapshot(stack, ['employment']);
  const cases: Array<[string, Record<string, unknown>, string, string]> = [
    [CREATE_EMPLOYER, { ...good, contactPhone: '12345' }, 'BAD_USER_INPUT', 'contactPhone'],
    [CREATE_EMPLOYER, { ...good, name: '   ' }, 'BAD_USER_INPUT', 'name'],
    [CREATE_EMPLOYER, { ...good, jobsProvided: -1 }, 'BAD_USER_INPUT', 'jobsProvided'],
    [CREATE_EMPLOYER, { ...good, idempotencyKey: 'short' }, 'BAD_USER_INPUT', 'idempotencyKey'],
    [CREATE_POSTING, { ...posting, openings: 0 }, 'BAD_USER_INPUT', 'openings'],
    [CREATE_POSTING, { ...posting, monthlyWage: 0 }, 'BAD_USER_INPUT', 'monthlyWage'],
    [CREATE_POSTING, { ...posting, postedOn: '2026-02-30' }, 'BAD_USER_INPUT', 'postedOn'],
    [CREATE_POSTING, { ...posting, employerId: '0'.repeat(24) }, 'NOT_FOUND', 'employerId'],
  ];
  for (const [mutation, input, code, field] of cases) {
    expectError(await stack.query(mutation, { input }), code, field);
  }
  expect(await snapshot(stack, ['employment'])).toEqual(before);
});

test('a retried create with the same idempotencyKey returns the first record; the key with another input is a CONFLICT', async () => {
  const input = {
    name: '台江县刺绣就业帮扶车间',
    kind: 'ASSISTANCE_WORKSHOP',
    address: '台江县方黎湾',
    contactPhone: '+86 139-1234-5678',
    jobsProvided: 30,
    idempotencyKey: key('employer'),
  };
  const before = await stack.departments.employment!.models.Employer!.countDocuments();
  const first = await stack.query(CREATE_EMPLOYER, { input });
  const again = await stack.query(CREATE_EMPLOYER, { input });
  expect(first.errors).toBeUndefined();
  expect(first.data.createEmployer).toMatchObject({ contactPhone: '13912345678', kind: 'ASSISTANCE_WORKSHOP' });
  expect(again.data.createEmployer.id).toBe(first.data.createEmployer.id);
  expect(await stack.departments.employment!.models.Employer!.countDocuments()).toBe(before + 1);
  expectError(await stack.query(CREATE_EMPLOYER, { input: { ...input, jobsProvided: 31 } }), 'CONFLICT');
  expect(await stack.departments.employment!.models.Employer!.countDocuments()).toBe(before + 1);
});

const APPLY = `mutation($input: ApplyForJobInput!) { applyForJob(input: $input) { id status appliedOn posting { id } resident { id } } }`;
const ADVANCE = `mutation($input: AdvanceJobApplicationInput!) { advanceJobApplication(input: $input) { id status placedOn history { status on } } }`;

async function newPosting(openings: number) {
  const employer = world().employment!.Employer!.find((e) => e.kind === 'ASSISTANCE_WORKSHOP')!;
  const { data, errors } = await stack.query(CREATE_POSTING, {
    input: { employerId: employer._id, title: `包装工${key('t')}`, openings, monthlyWage: 2800, postedOn: '2026-10-01' },
  });
  expect(errors).toBeUndefined();
  return { postingId: data.createJobPosting.id as string, employer };
}

async function offered(postingId: string, resident: SeedDoc) {
  const { data, errors } = await stack.query(APPLY, { input: { postingId, residentId: resident._id, appliedOn: '2026-10-02' } });
  expect(errors).toBeUndefined();
  for (const [status, on] of [
    ['INTERVIEWED', '2026-10-05'],
    ['OFFERED', '2026-10-08'],
  ]) {
    expect((await stack.query(ADVANCE, { input: { applicationId: data.applyForJob.id, status, on } })).errors).toBeUndefined();
  }
  return data.applyForJob.id as string;
}

test('application lifecycle: an illegal move changes nothing; placement fills an opening and records the resident as employed', async () => {
  const { postingId, employer } = await newPosting(2);
  const [resident] = workingAge(world(), 1);
  const applied = await stack.query(APPLY, { input: { postingId, residentId: resident!._id, appliedOn: '2026-10-02', note: '社区推荐' } });
  expect(applied.data.applyForJob).toMatchObject({ status: 'APPLIED', posting: { id: postingId }, resident: { id: resident!._id } });
  const applicationId = applied.data.applyForJob.id;
  expectError(await stack.query(APPLY, { input: { postingId, residentId: resident!._id, appliedOn: '2026-10-03' } }), 'CONFLICT');

  const before = await snapshot(stack, ['employment']);
  expectError(await stack.query(ADVANCE, { input: { applicationId, status: 'PLACED', on: '2026-10-04' } }), 'CONFLICT', 'status');
  expectError(await stack.query(ADVANCE, { input: { applicationId, status: 'INTERVIEWED', on: '2026-10-01' } }), 'BAD_USER_INPUT', 'on');
  expectError(await stack.query(ADVANCE, { input: { applicationId: '0'.repeat(24), status: 'INTERVIEWED', on: '2026-10-05' } }), 'NOT_FOUND');
  expect(await snapshot(stack, ['employment'])).toEqual(before);

  await stack.query(ADVANCE, { input: { applicationId, status: 'INTERVIEWED', on: '2026-10-05' } });
  await stack.query(ADVANCE, { input: { applicationId, status: 'OFFERED', on: '2026-10-08' } });
  const placed = await stack.query(ADVANCE, { input: { applicationId, status: 'PLACED', on: '2026-10-10' } });
  expect(placed.errors).toBeUndefined();
  expect(placed.data.advanceJobApplication).toMatchObject({ status: 'PLACED', placedOn: '2026-10-10' });
  expect(placed.data.advanceJobApplication.history.map((s: any) => s.status)).toEqual(['APPLIED', 'INTERVIEWED', 'OFFERED', 'PLACED']);
  expectError(await stack.query(ADVANCE, { input: { applicationId, status: 'WITHDRAWN', on: '2026-10-11' } }), 'CONFLICT');

  const { data } = await stack.query(
    `query($id: ID!, $r: ID!) {
    jobPosting(id: $id) { openings filled status }
    resident(id: $r) { employmentStatus { status since employer { id } placement { id } } employmentHistory(first: 100) { edges { node { status since until } } } jobApplications(first: 100) { edges { node { id status } } } }
  }`,
    { id: postingId, r: resident!._id },
  );
  expect(data.jobPosting).toEqual({ openings: 1, filled: 1, status: 'OPEN' });
  expect(data.resident.employmentStatus).toEqual({ status: 'EMPLOYED', since: '2026-10-10', employer: { id: employer._id }, placement: { id: applicationId } });
  const history = data.resident.employmentHistory.edges.map((e: any) => e.node);
  expect(history.at(-1)).toMatchObject({ status: 'EMPLOYED', since: '2026-10-10', until: null });
  expect(history.map((h: any) => h.since)).toEqual([...history.map((h: any) => h.since)].sort());
  for (let i = 0; i < history.length - 1; i++) expect(history[i].until).toBe(history[i + 1].since);
  expect(data.resident.jobApplications.edges.map((e: any) => e.node)).toContainEqual({ id: applicationId, status: 'PLACED' });
});

test('openings never go below zero: the last opening goes to one placement, the next is a CONFLICT', async () => {
  const { postingId } = await newPosting(1);
  const residents = workingAge(world(), 3, 5);
  const ids = await Promise.all(residents.map((r) => offered(postingId, r)));
  const results = await Promise.all(ids.map((applicationId) => stack.query(ADVANCE, { input: { applicationId, status: 'PLACED', on: '2026-10-20' } })));
  expect(results.filter((r) => !r.errors)).toHaveLength(1);
  expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(2);
  const { data } = await stack.query(
    `query($id: ID!) { jobPosting(id: $id) { openings filled status } jobApplications(filter: { postingId: $id }) { totalCount edges { node { status } } } }`,
    { id: postingId },
  );
  expect(data.jobPosting).toEqual({ openings: 0, filled: 1, status: 'FILLED' });
  expect(data.jobApplications.edges.map((e: any) => e.node.status).sort()).toEqual(['OFFERED', 'OFFERED', 'PLACED']);
});

test('applying for a resident civil affairs does not know is NOT_FOUND and writes nothing', async () => {
  const { postingId } = await newPosting(3);
  const before = await snapshot(stack, ['employment']);
  expectError(await stack.query(APPLY, { input: { postingId, residentId: 'f'.repeat(24), appliedOn: '2026-10-02' } }), 'NOT_FOUND', 'residentId');
  expectError(await stack.query(APPLY, { input: { postingId, residentId: workingAge(world(), 1)[0]!._id, appliedOn: '2026-09-01' } }), 'BAD_USER_INPUT', 'appliedOn');
  const STATUS = `mutation($input: RecordEmploymentStatusInput!) { recordEmploymentStatus(input: $input) { id } }`;
  expectError(await stack.query(STATUS, { input: { residentId: 'f'.repeat(24), status: 'SEEKING', since: '2026-10-02' } }), 'NOT_FOUND', 'residentId');
  expect(await snapshot(stack, ['employment'])).toEqual(before);
});

test('employment status history: dates in order, employer only when employed, the latest record is the current status', async () => {
  const STATUS = `mutation($input: RecordEmploymentStatusInput!) { recordEmploymentStatus(input: $input) { id status since } }`;
  const resident = workingAge(world(), 1, 12)[0]!;
  const employerId = world().employment!.Employer![1]!._id;
  const before = await snapshot(stack, ['employment']);
  for (const [input, field] of [
    [{ residentId: resident._id, status: 'EMPLOYED', since: '2026-10-30' }, 'employerId'],
    [{ residentId: resident._id, status: 'STUDENT', employerId, since: '2026-10-30' }, 'employerId'],
    [{ residentId: resident._id, status: 'SEEKING', since: '2000-01-01' }, 'since'],
    [{ residentId: resident._id, status: 'SEEKING', since: '30/10/2026' }, 'since'],
  ] as const) {
    expectError(await stack.query(STATUS, { input }), 'BAD_USER_INPUT', field);
  }
  expect(await snapshot(stack, ['employment'])).toEqual(before);
  const done = await stack.query(STATUS, { input: { residentId: resident._id, status: 'EMPLOYED', employerId, since: '2026-10-30', idempotencyKey: key('status') } });
  expect(done.errors).toBeUndefined();
  const { data } = await stack.query(`query($r: ID!) { resident(id: $r) { employmentStatus { id status } employmentHistory(first: 100) { edges { node { id } } } } }`, {
    r: resident._id,
  });
  expect(data.resident.employmentStatus).toEqual({ id: done.data.recordEmploymentStatus.id, status: 'EMPLOYED' });
  expect(data.resident.employmentHistory.edges.at(-1).node.id).toBe(done.data.recordEmploymentStatus.id);
});

test('matching postings: open ones with openings left the resident has not applied to, optionally by keyword', async () => {
  const resident = workingAge(world(), 1, 20)[0]!;
  const { data, errors } = await stack.query(
    `query($r: ID!) { resident(id: $r) { all: matchingPostings(first: 50) { id status openings title } sewing: matchingPostings(keyword: "缝纫") { title } } }`,
    { r: resident._id },
  );
  expect(errors).toBeUndefined();
  expect(data.resident.all.length).toBeGreaterThan(0);
  for (const p of data.resident.all) expect(p.status === 'OPEN' && p.openings > 0).toBe(true);
  for (const p of data.resident.sewing) expect(p.title).toContain('缝纫');
  const target = data.resident.all[0].id;
  await stack.query(APPLY, { input: { postingId: target, residentId: resident._id, appliedOn: '2026-10-31' } });
  const after = await stack.query(`query($r: ID!) { resident(id: $r) { matchingPostings(first: 50) { id } } }`, { r: resident._id });
  expect(after.data.resident.matchingPostings.map((p: any) => p.id)).not.toContain(target);
});
