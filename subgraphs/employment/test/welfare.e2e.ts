import { expectError, snapshot, useStack } from '@cg/kit/testing';
import { key, workingAge } from './support';

// Training enrolments and the welfare fund ledger under concurrency, through the gateway.
const { stack, world } = useStack({ as: 'employment-clerk' }); // the department's own clerk writes here

const CREATE_COURSE = `mutation($input: CreateTrainingCourseInput!) { createTrainingCourse(input: $input) { id capacity seatsLeft enrolledCount } }`;
const ENROL = `mutation($input: EnrolInCourseInput!) { enrolInCourse(input: $input) { id status resident { id } course { id } } }`;
const COURSE = `query($id: ID!) { trainingCourse(id: $id) { capacity seatsLeft enrolledCount enrolments { totalCount edges { node { status resident { id } } } } } }`;
const course = { title: '养老护理员培训', category: 'ELDER_CARE', provider: '张北县职业技术教育中心', startsOn: '2026-11-10', endsOn: '2026-11-30', hours: 64, capacity: 3 };

test('concurrent enrolments never exceed the capacity; a second enrolment of one resident is refused; withdrawal frees the seat', async () => {
  const created = await stack.query(CREATE_COURSE, { input: course });
  const courseId = created.data.createTrainingCourse.id;
  expect(created.data.createTrainingCourse).toMatchObject({ capacity: 3, seatsLeft: 3, enrolledCount: 0 });
  const residents = workingAge(world(), 8);
  const results = await Promise.all(residents.map((r) => stack.query(ENROL, { input: { courseId, residentId: r._id, enrolledOn: '2026-11-01' } })));
  const enrolled = results.filter((r) => !r.errors);
  expect(enrolled).toHaveLength(3);
  expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(5);
  const { data } = await stack.query(COURSE, { id: courseId });
  expect(data.trainingCourse).toMatchObject({ capacity: 3, seatsLeft: 0, enrolledCount: 3 });
  expect(data.trainingCourse.enrolments.edges.map((e: any) => e.node.resident.id).sort()).toEqual(enrolled.map((r) => r.data.enrolInCourse.resident.id).sort());

  const again = await stack.query(ENROL, { input: { courseId, residentId: enrolled[0]!.data.enrolInCourse.resident.id, enrolledOn: '2026-11-02' } });
  expectError(again, 'CONFLICT');
  const withdrawn = await stack.query(`mutation($id: ID!) { withdrawEnrolment(id: $id) { status } }`, { id: enrolled[0]!.data.enrolInCourse.id });
  expect(withdrawn.data.withdrawEnrolment.status).toBe('WITHDRAWN');
  expect((await stack.query(COURSE, { id: courseId })).data.trainingCourse).toMatchObject({ seatsLeft: 1, enrolledCount: 2 });
  const late = results.find((r) => r.errors)!;
  expect(late).toBeDefined();
});

test('a same-resident concurrent double enrolment takes one seat; an idempotent retry returns the first; completion is in date order', async () => {
  const created = await stack.query(CREATE_COURSE, { input: { ...course, title: '家政服务员培训', capacity: 5 } });
  const courseId = created.data.createTrainingCourse.id;
  const [resident] = workingAge(world(), 1, 30);
  const twice = await Promise.all([1, 2].map(() => stack.query(ENROL, { input: { courseId, residentId: resident!._id, enrolledOn: '2026-11-01' } })));
  expect(twice.filter((r) => !r.errors)).toHaveLength(1);
  const k = key('enrol');
  const [other] = workingAge(world(), 1, 31);
  const first = await stack.query(ENROL, { input: { courseId, residentId: other!._id, enrolledOn: '2026-11-01', idempotencyKey: k } });
  const retry = await stack.query(ENROL, { input: { courseId, residentId: other!._id, enrolledOn: '2026-11-01', idempotencyKey: k } });
  expect(retry.data.enrolInCourse.id).toBe(first.data.enrolInCourse.id);
  expect((await stack.query(COURSE, { id: courseId })).data.trainingCourse).toMatchObject({ seatsLeft: 3, enrolledCount: 2 });

  const COMPLETE = `mutation($input: CompleteEnrolmentInput!) { completeEnrolment(input: $input) { status completedOn passed } }`;
  const enrolmentId = first.data.enrolInCourse.id;
  expectError(await stack.query(COMPLETE, { input: { enrolmentId, completedOn: '2026-11-05', passed: true } }), 'BAD_USER_INPUT', 'completedOn');
  const done = await stack.query(COMPLETE, { input: { enrolmentId, completedOn: '2026-11-30', passed: true } });
  expect(done.data.completeEnrolment).toEqual({ status: 'COMPLETED', completedOn: '2026-11-30', passed: true });
  expectError(await stack.query(COMPLETE, { input: { enrolmentId, completedOn: '2026-11-30', passed: false } }), 'CONFLICT');
});

test('invalid courses and enrolments change nothing; an unknown resident is NOT_FOUND', async () => {
  const courseId = (await stack.query(CREATE_COURSE, { input: { ...course, title: '电工培训' } })).data.createTrainingCourse.id;
  const before = await snapshot(stack, ['employment']);
  for (const [input, field] of [
    [{ ...course, endsOn: '2026-11-01' }, 'endsOn'],
    [{ ...course, capacity: 0 }, 'capacity'],
    [{ ...course, hours: 0 }, 'hours'],
    [{ ...course, startsOn: '2026-13-01' }, 'startsOn'],
  ] as const) {
    expectError(await stack.query(CREATE_COURSE, { input }), 'BAD_USER_INPUT', field);
  }
  const resident = workingAge(world(), 1, 40)[0]!;
  expectError(await stack.query(ENROL, { input: { courseId, residentId: resident._id, enrolledOn: '2026-12-01' } }), 'BAD_USER_INPUT', 'enrolledOn');
  expectError(await stack.query(ENROL, { input: { courseId, residentId: 'e'.repeat(24), enrolledOn: '2026-11-01' } }), 'NOT_FOUND', 'residentId');
  expectError(await stack.query(ENROL, { input: { courseId: 'e'.repeat(24), residentId: resident._id, enrolledOn: '2026-11-01' } }), 'NOT_FOUND', 'courseId');
  expect(await snapshot(stack, ['employment'])).toEqual(before);
});

const OPEN_FUND = `mutation($input: OpenWelfareFundInput!) { openWelfareFund(input: $input) { id balanceFen } }`;
const INCOME = `mutation($input: RecordFundIncomeInput!) { recordFundIncome(input: $input) { id kind amountFen source balanceAfterFen } }`;
const CREATE_POST = `mutation($input: CreateWelfarePostInput!) { createWelfarePost(input: $input) { id status monthlyPayFen holder { id } } }`;
const PAY = `mutation($input: PayWelfarePostInput!) { payWelfarePost(input: $input) { id kind amountFen period payee { id } post { id } balanceAfterFen } }`;
const RECONCILE = `query($id: ID!) { welfareFund(id: $id) { balanceFen reconciliation { incomeTotalFen paymentTotalFen balanceFen ledgerIncomeTotalFen ledgerPaymentTotalFen reconciled incomeBySource { source totalFen entries } } entries(first: 100) { totalCount edges { node { kind amountFen } } } } }`;

async function fundWithPosts(posts: number) {
  const communityId = world()['civil-affairs']!.Community![0]!._id;
  const fund = await stack.query(OPEN_FUND, { input: { name: `测试公益基金池${key('f')}`, communityId } });
  expect(fund.errors).toBeUndefined();
  const fundId = fund.data.openWelfareFund.id as string;
  const holders = workingAge(world(), posts, 50);
  const postIds: string[] = [];
  for (const [i, holder] of holders.entries()) {
    const post = await stack.query(CREATE_POST, {
      input: { fundId, title: `保洁员${i}`, kind: 'CLEANER', monthlyPayFen: 120_000, holderResidentId: holder._id, holderSince: '2026-01-01' },
    });
    expect(post.data.createWelfarePost).toMatchObject({ status: 'HELD', holder: { id: holder._id } });
    postIds.push(post.data.createWelfarePost.id);
  }
  return { fundId, postIds };
}

test('the fund reconciles: income by source, payments to post holders, balance == income − payments; an overdraft changes nothing', async () => {
  const { fundId, postIds } = await fundWithPosts(2);
  await stack.query(INCOME, { input: { fundId, source: 'SOLAR_DIVIDEND', amountFen: 150_000, receivedOn: '2026-10-15' } });
  await stack.query(INCOME, { input: { fundId, source: 'GREENHOUSE_RENT', amountFen: 50_000, receivedOn: '2026-10-10' } });
  const paid = await stack.query(PAY, { input: { postId: postIds[0], period: '2026-10', paidOn: '2026-10-25' } });
  expect(paid.data.payWelfarePost).toMatchObject({ kind: 'PAYMENT', amountFen: 120_000, period: '2026-10', balanceAfterFen: 80_000, post: { id: postIds[0] } });

  const before = await snapshot(stack, ['employment']);
  expectError(await stack.query(PAY, { input: { postId: postIds[1], period: '2026-10', paidOn: '2026-10-25' } }), 'CONFLICT', 'amountFen');
  expectError(await stack.query(PAY, { input: { postId: postIds[0], period: '2026-10', amountFen: 1, paidOn: '2026-10-26' } }), 'CONFLICT', 'period');
  for (const [mutation, input, field] of [
    [INCOME, { fundId, source: 'DONATION', amountFen: 0, receivedOn: '2026-10-01' }, 'amountFen'],
    [INCOME, { fundId, source: 'DONATION', amountFen: -5, receivedOn: '2026-10-01' }, 'amountFen'],
    [INCOME, { fundId, source: 'DONATION', amountFen: 100, receivedOn: 'yesterday' }, 'receivedOn'],
    [PAY, { postId: postIds[1], period: '2026-13', paidOn: '2026-10-25' }, 'period'],
    [PAY, { postId: postIds[1], period: '2026-10', amountFen: 0, paidOn: '2026-10-25' }, 'amountFen'],
    [CREATE_POST, { fundId, title: '巡逻员', kind: 'SECURITY_PATROL', monthlyPayFen: 0 }, 'monthlyPayFen'],
    [CREATE_POST, { fundId, title: '巡逻员', kind: 'SECURITY_PATROL', monthlyPayFen: 100, holderResidentId: workingAge(world(), 1)[0]!._id }, 'holderSince'],
  ] as const) {
    expectError(await stack.query(mutation, { input }), 'BAD_USER_INPUT', field);
  }
  expectError(await stack.query(INCOME, { input: { fundId: 'a'.repeat(24), source: 'DONATION', amountFen: 100, receivedOn: '2026-10-01' } }), 'NOT_FOUND', 'fundId');
  expectError(
    await stack.query(CREATE_POST, {
      input: { fundId, title: '巡逻员', kind: 'SECURITY_PATROL', monthlyPayFen: 100, holderResidentId: 'a'.repeat(24), holderSince: '2026-01-01' },
    }),
    'NOT_FOUND',
    'holderResidentId',
  );
  expect(await snapshot(stack, ['employment'])).toEqual(before);

  const { data } = await stack.query(RECONCILE, { id: fundId });
  expect(data.welfareFund.reconciliation).toEqual({
    incomeTotalFen: 200_000,
    paymentTotalFen: 120_000,
    balanceFen: 80_000,
    ledgerIncomeTotalFen: 200_000,
    ledgerPaymentTotalFen: 120_000,
    reconciled: true,
    incomeBySource: [
      { source: 'GREENHOUSE_RENT', totalFen: 50_000, entries: 1 },
      { source: 'SOLAR_DIVIDEND', totalFen: 150_000, entries: 1 },
    ],
  });
  expect(data.welfareFund.entries.totalCount).toBe(3);
});

test('concurrent payments never overdraw the fund: only what the balance covers is paid, and it still reconciles', async () => {
  const { fundId, postIds } = await fundWithPosts(6);
  await stack.query(INCOME, { input: { fundId, source: 'FACTORY_RENT_SHARE', amountFen: 400_000, receivedOn: '2026-10-05' } });
  const results = await Promise.all(postIds.map((postId) => stack.query(PAY, { input: { postId, period: '2026-10', paidOn: '2026-10-25', idempotencyKey: key('pay') } })));
  expect(results.filter((r) => !r.errors)).toHaveLength(3); // 400,000 covers three of 120,000
  expect(results.filter((r) => r.errors?.[0]?.extensions?.reason === 'INSUFFICIENT_BALANCE')).toHaveLength(3);
  const { data } = await stack.query(RECONCILE, { id: fundId });
  expect(data.welfareFund.reconciliation).toMatchObject({ incomeTotalFen: 400_000, paymentTotalFen: 360_000, balanceFen: 40_000, reconciled: true });
  expect(data.welfareFund.entries.totalCount).toBe(4);
});

test('an idempotent retry of income or payment books it once; the seeded fund reconciles', async () => {
  const { fundId, postIds } = await fundWithPosts(1);
  const incomeKey = key('income');
  const input = { fundId, source: 'DONATION', amountFen: 300_000, receivedOn: '2026-10-01', idempotencyKey: incomeKey };
  const first = await stack.query(INCOME, { input });
  const retry = await stack.query(INCOME, { input });
  expect(retry.data.recordFundIncome.id).toBe(first.data.recordFundIncome.id);
  expectError(await stack.query(INCOME, { input: { ...input, amountFen: 300_001 } }), 'CONFLICT');
  const payKey = key('pay');
  const pay = { postId: postIds[0], period: '2026-09', paidOn: '2026-09-25', idempotencyKey: payKey };
  const paid = await Promise.all([1, 2, 3].map(() => stack.query(PAY, { input: pay })));
  expect(new Set(paid.map((r) => r.data?.payWelfarePost?.id)).size).toBe(1);
  const { data } = await stack.query(RECONCILE, { id: fundId });
  expect(data.welfareFund.reconciliation).toMatchObject({ incomeTotalFen: 300_000, paymentTotalFen: 120_000, balanceFen: 180_000, reconciled: true });

  const seeded = world().employment!.WelfareFund![0]!;
  const seededView = await stack.query(RECONCILE, { id: seeded._id });
  expect(seededView.data.welfareFund.reconciliation).toMatchObject({ balanceFen: seeded.balanceFen, reconciled: true });
  expect(seededView.data.welfareFund.reconciliation.incomeBySource.map((s: any) => s.source)).toEqual(['FACTORY_RENT_SHARE', 'GREENHOUSE_RENT', 'SOLAR_DIVIDEND']);
});

test('posts: a vacant post takes one holder; filters and paging over the seeded posts', async () => {
  const { fundId } = await fundWithPosts(0);
  const post = await stack.query(CREATE_POST, { input: { fundId, title: '楼栋长', kind: 'BUILDING_LEAD', monthlyPayFen: 90_000 } });
  const postId = post.data.createWelfarePost.id;
  expect(post.data.createWelfarePost.status).toBe('VACANT');
  const [a, b] = workingAge(world(), 2, 60);
  const ASSIGN = `mutation($input: AssignWelfarePostInput!) { assignWelfarePost(input: $input) { status holder { id } } }`;
  const both = await Promise.all([a, b].map((r) => stack.query(ASSIGN, { input: { postId, residentId: r!._id, since: '2026-10-01' } })));
  expect(both.filter((r) => !r.errors)).toHaveLength(1);
  const VACATE = `mutation($input: VacateWelfarePostInput!) { vacateWelfarePost(input: $input) { status holder { id } } }`;
  expectError(await stack.query(VACATE, { input: { postId, on: '2026-09-01' } }), 'BAD_USER_INPUT', 'on');
  expect((await stack.query(VACATE, { input: { postId, on: '2026-10-31' } })).data.vacateWelfarePost).toEqual({ status: 'VACANT', holder: null });

  const seeded = world().employment!.WelfarePost!.filter((p) => p.status === 'HELD' && p.kind === 'CLEANER');
  const ids: string[] = [];
  let after: string | null = null;
  let total = 0;
  do {
    const { data }: any = await stack.query(
      `query($after: String) { welfarePosts(filter: { kind: CLEANER, status: HELD, fundId: "${world().employment!.WelfareFund![0]!._id}" }, first: 2, after: $after) { totalCount edges { node { id holder { id } } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    total = data.welfarePosts.totalCount;
    ids.push(...data.welfarePosts.edges.map((e: any) => e.node.id));
    after = data.welfarePosts.pageInfo.hasNextPage ? data.welfarePosts.pageInfo.endCursor : null;
  } while (after);
  expect(total).toBe(seeded.length);
  expect(ids.sort()).toEqual(seeded.map((p) => p._id).sort());
});
