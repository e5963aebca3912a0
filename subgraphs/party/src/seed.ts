/**
 * Party's additions to the seeded world: ancestor paths and 党员中心户 on the core tree, 双报到 registrations, service
 * posts and claims, quota activities, 微心愿, the points ledger (with the rule's entries, judged by the same code the
 * evaluation runs), 党员奉献奖 nominations, 大党委 joint-building units and 包联 liaisons. Counts follow the scale
 * (per grid, per member); a fixed faker seed and ids from natural keys make it deterministic.
 */
import { fakerZH_CN as faker } from '@faker-js/faker';
import { stableId, type ExtendWorld, type SeedDoc } from '@cg/kit';
import { judge, ruleEntry, windowMonths } from './points';
import { deliberationSeed } from './seed/deliberation';
import { extendGovernance } from './seed/governance';
import { extendJointCases } from './seed/jointCases';
import { volunteerPointEntries } from './seed/volunteerPoints';
import { extendLooseEnds } from './seed/looseEnds';
import { withAncestors } from './tree';

const YEAR = 2026;
const MONTHS = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
const QUARTERS = ['2026-Q1', '2026-Q2', '2026-Q3'];
const WORK_UNITS = [
  '张北县民政局',
  '张北县人力资源和社会保障局',
  '张北县卫生健康局',
  '张北县司法局',
  '张北县住房和城乡建设局',
  '张北县教育局',
  '张北县农业农村局',
  '国网张北县供电公司',
  '张北县人民医院',
  '张北县市场监督管理局',
];
const POST_KINDS = [
  ['POLICY', '政策宣传岗'],
  ['ENVIRONMENT', '环境整治岗'],
  ['DISABILITY_ASSISTANCE', '帮困助残岗'],
  ['HEALTH', '健康义诊岗'],
  ['LEGAL', '法律援助岗'],
] as const;
const WISHES = ['为独居老人更换灯泡', '辅导留守儿童作业', '代购降压药', '修理轮椅', '陪同老人就医', '清理楼道杂物', '帮忙申请低保材料', '教老人使用智能手机'];
const UNITS = [
  ['张北县第一中学', 'SCHOOL', ['课后托管', '假期课堂']],
  ['张北县人民医院', 'HOSPITAL', ['健康义诊', '慢病随访']],
  ['张北县供电公司', 'STATE_ENTERPRISE', ['用电检修']],
  ['张北县司法局', 'GOVERNMENT_DEPARTMENT', ['法律援助', '矛盾调解']],
  ['张北县鑫源物业服务有限公司', 'PRIVATE_ENTERPRISE', ['维修服务', '环境清扫']],
  ['张北县红十字会', 'SOCIAL_ORGANIZATION', ['应急救护培训']],
  ['张北县农商银行', 'STATE_ENTERPRISE', ['金融知识宣讲', '助农贷款']],
  ['张北县图书馆', 'PUBLIC_INSTITUTION', ['流动图书']],
] as const;
const LEADERS = [
  ['副县长', 'COUNTY_LEADER'],
  ['县委常委', 'COUNTY_LEADER'],
  ['张北县民政局', 'DEPARTMENT'],
  ['张北县人社局', 'DEPARTMENT'],
  ['张北县住建局', 'DEPARTMENT'],
  ['张北县卫健局', 'DEPARTMENT'],
] as const;

const pad = (n: number) => String(n).padStart(2, '0');
const day = (month: string) => `${month}-${pad(faker.number.int({ min: 1, max: 28 }))}`;
const phone = () => `1${faker.helpers.arrayElement(['39', '52', '58', '87'])}${faker.string.numeric(8)}`;

export const extendWorld: ExtendWorld = (world, scale) => {
  faker.seed(20261124);
  const party = world.party!;
  const civil = world['civil-affairs']!;
  const orgs = party.PartyOrganization!;
  const members = party.PartyMember!;
  const communityId = civil.Community![0]!._id;
  const byId = new Map(orgs.map((o) => [o._id, o]));
  const out: Record<string, SeedDoc[]> = {
    PartyOrganization: [],
    DualRegistration: [],
    ServicePost: [],
    PostClaim: [],
    ServiceActivity: [],
    MicroWish: [],
    PointEntry: [],
    AwardNomination: [],
    JointBuildingUnit: [],
    LiaisonAssignment: [],
  };

  // 党员中心户: one per party group, named after its first household.
  for (const group of orgs.filter((o) => o.level === 'GROUP')) {
    out.PartyOrganization!.push({
      _id: stableId('org', group._id, 'central-household'),
      name: `${String(group.name).replace('党小组', '')}1单元党员中心户`,
      level: 'CENTRAL_HOUSEHOLD',
      parentId: group._id,
      coveredGridIds: [],
    });
  }
  // The core tree comes without ancestor paths: fill them in on the core documents (this department's own) and ours.
  withAncestors([...orgs, ...out.PartyOrganization!]);

  const committee = orgs.find((o) => o.level === 'COMMUNITY_COMMITTEE')!;
  const branchOf = (orgId: string) => {
    const org = byId.get(orgId)!;
    return org.level === 'BRANCH' ? org : byId.get(org.parentId as string)!;
  };
  const householdsByGrid = new Map<string, SeedDoc[]>();
  for (const h of civil.Household!) {
    if (!householdsByGrid.has(h.gridId as string)) householdsByGrid.set(h.gridId as string, []);
    householdsByGrid.get(h.gridId as string)!.push(h);
  }

  // Service posts: one of each kind per grid, set up by the grid's branch.
  const postsByGrid = new Map<string, SeedDoc[]>();
  for (const branch of orgs.filter((o) => o.level === 'BRANCH')) {
    const gridId = (branch.coveredGridIds as string[])[0]!;
    const posts = POST_KINDS.map(([kind, label]) => ({
      _id: stableId('post', gridId, kind),
      name: `${String(branch.name).replace('党支部', '')}${label}`,
      kind,
      gridId,
      organizationId: branch._id,
    }));
    postsByGrid.set(gridId, posts);
    out.ServicePost!.push(...posts);
  }

  // In-service members: 双报到 and the yearly quota, most of it done, some of it missing.
  for (const member of members.filter((m) => m.category === 'IN_SERVICE')) {
    const branch = branchOf(member.organizationId as string);
    const gridId = (branch.coveredGridIds as string[])[0]!;
    if (faker.number.float() < 0.85) {
      out.DualRegistration!.push({
        _id: stableId('dual', member._id, communityId),
        memberId: member._id,
        workUnit: faker.helpers.arrayElement(WORK_UNITS),
        communityId,
        reportedOn: day(faker.helpers.arrayElement(MONTHS.slice(0, 3))),
      });
    }
    if (faker.number.float() < 0.75) {
      const post = faker.helpers.arrayElement(postsByGrid.get(gridId)!);
      out.PostClaim!.push({ _id: stableId('claim', post._id, member._id, YEAR), postId: post._id, memberId: member._id, claimedOn: day(MONTHS[0]!), year: YEAR });
    }
    const activities = [
      ['HOUSEHOLD_CONTACT', 0.8, '入户走访，了解家庭就业和生活困难'],
      ['VOLUNTEER_SERVICE', 0.7, '参加小区环境整治志愿服务'],
      ['SUGGESTION', 0.6, '建议在小区增设电动车充电桩'],
    ] as const;
    for (const [kind, share, content] of activities) {
      if (faker.number.float() >= share) continue;
      const date = day(faker.helpers.arrayElement(MONTHS));
      out.ServiceActivity!.push({
        _id: stableId('activity', member._id, kind, YEAR),
        memberId: member._id,
        kind,
        date,
        year: YEAR,
        content,
        householdId: kind === 'HOUSEHOLD_CONTACT' ? faker.helpers.arrayElement(householdsByGrid.get(gridId)!)._id : undefined,
        hours: kind === 'VOLUNTEER_SERVICE' ? faker.number.int({ min: 2, max: 8 }) : undefined,
      });
    }
  }

  // 微心愿: about one per ten households, spread over the lifecycle.
  const inService = members.filter((m) => m.category === 'IN_SERVICE');
  const wishCount = Math.max(4, Math.round(civil.Household!.length / 10));
  for (let i = 0; i < wishCount; i++) {
    const month = faker.helpers.arrayElement(MONTHS);
    const publishedOn = `${month}-0${faker.number.int({ min: 1, max: 9 })}`;
    const dueOn = `${month}-${faker.number.int({ min: 20, max: 28 })}`;
    const status = faker.helpers.arrayElement(['PUBLISHED', 'CLAIMED', 'DONE', 'APPROVED', 'APPROVED']);
    const resident = faker.helpers.arrayElement(civil.Resident!);
    const wish: SeedDoc = {
      _id: stableId('wish', i),
      title: faker.helpers.arrayElement(WISHES),
      organizationId: committee._id,
      residentId: resident._id,
      status,
      publishedOn,
      dueOn,
    };
    if (status !== 'PUBLISHED' && inService.length)
      Object.assign(wish, { claimedById: faker.helpers.arrayElement(inService)._id, claimedOn: `${month}-1${faker.number.int({ min: 0, max: 5 })}` });
    else wish.status = 'PUBLISHED';
    if (wish.status === 'DONE' || wish.status === 'APPROVED') Object.assign(wish, { doneOn: `${month}-${faker.number.int({ min: 16, max: 28 })}`, doneNote: '已办结' });
    if (wish.status === 'APPROVED')
      Object.assign(wish, {
        approvedOn: `${month}-28`,
        rating: faker.helpers.weightedArrayElement([
          { weight: 4, value: 'GOOD' },
          { weight: 1, value: 'POOR' },
        ]),
      });
    out.MicroWish!.push(wish);
  }

  // Points: each member has a level of dedication; monthly earned points scatter around it.
  for (const member of members) {
    const level = faker.helpers.arrayElement([95, 85, 70, 50, 40]);
    for (const month of MONTHS) {
      const points = Math.max(0, level + faker.number.int({ min: -12, max: 12 }));
      out.PointEntry!.push({
        _id: stableId('points-seed', member._id, month),
        memberId: member._id,
        month,
        points,
        reason: '月度服务考评',
        sourceType: 'MANUAL',
        sourceId: `seed:${month}`,
        createdAt: new Date(`${month}-28T12:00:00Z`),
      });
    }
  }
  // 志愿服务积分 civil affairs credited for the seeded attendance: in the ledger before the rule judges it.
  out.PointEntry!.push(...volunteerPointEntries(world));

  // 党员奉献奖: each branch names 1–3 of its members a quarter.
  const membersByBranch = new Map<string, SeedDoc[]>();
  for (const m of members) {
    const b = branchOf(m.organizationId as string)._id;
    if (!membersByBranch.has(b)) membersByBranch.set(b, []);
    membersByBranch.get(b)!.push(m);
  }
  for (const branch of orgs.filter((o) => o.level === 'BRANCH')) {
    const own = membersByBranch.get(branch._id) ?? [];
    for (const quarter of QUARTERS) {
      const named = faker.helpers.arrayElements(own, { min: Math.min(1, own.length), max: Math.min(3, own.length) });
      named.forEach((m, i) =>
        out.AwardNomination!.push({
          _id: stableId('nomination', branch._id, quarter, i + 1),
          branchId: branch._id,
          quarter,
          slot: i + 1,
          memberId: m._id,
          reason: '服务群众积分突出',
          nominatedOn: `${quarter.slice(0, 4)}-${pad(Number(quarter.slice(6)) * 3)}-25`,
        }),
      );
    }
  }

  // 大党委 units and 包联 liaisons grow with the community's size.
  const unitCount = Math.min(UNITS.length * 20, Math.max(UNITS.length, scale.grids * 2));
  for (let i = 0; i < unitCount; i++) {
    const [base, kind, services] = UNITS[i % UNITS.length]!;
    const name = i < UNITS.length ? base : `${base}第${Math.floor(i / UNITS.length) + 1}分支`;
    out.JointBuildingUnit!.push({
      _id: stableId('joint-unit', committee._id, name),
      name,
      kind,
      organizationId: committee._id,
      contactName: faker.person.fullName(),
      contactPhone: phone(),
      services: [...services],
      joinedOn: day(faker.helpers.arrayElement(['2025-03', '2025-09', '2026-02'])),
    });
  }
  const liaisonCount = Math.max(LEADERS.length, Math.round(scale.grids / 2));
  for (let i = 0; i < liaisonCount; i++) {
    const [title, kind] = LEADERS[i % LEADERS.length]!;
    const liaisonName = kind === 'COUNTY_LEADER' ? faker.person.fullName() : `${title}${i >= LEADERS.length ? `第${Math.floor(i / LEADERS.length) + 1}工作组` : ''}`;
    out.LiaisonAssignment!.push({
      _id: stableId('liaison', communityId, i),
      kind,
      liaisonName,
      title,
      communityId,
      organizationId: committee._id,
      startOn: '2025-01-01',
      scores: ['2025', ...QUARTERS].map((period) => ({
        period,
        score: faker.number.int({ min: 70, max: 98 }),
        comment: '包联工作到位',
        scoredOn: period.length === 4 ? '2025-12-28' : `2026-${pad(Number(period.slice(6)) * 3)}-28`,
      })),
    });
  }
  // The joint-response roster and cases (一呼联动) come last: they use the finished tree.
  for (const [model, docs] of Object.entries(extendJointCases(world, scale))) out[model] = [...(out[model] ?? []), ...docs];
  // Escalations, joint meetings and urges build on the roster and cases (and add events to those cases).
  const joint = { ResponseUnit: out.ResponseUnit!, JointCase: out.JointCase! };
  for (const [model, docs] of Object.entries(extendGovernance(world, scale, joint))) out[model] = [...(out[model] ?? []), ...docs];
  // A year of resident deliberation (议事协商), with the roster's units among the participants.
  Object.assign(
    out,
    deliberationSeed(
      world,
      out.ResponseUnit!.map((u) => u._id),
    ),
  );
  // Points that follow the work (claims done or overdue, wishes, cases), retired members' and units' 双报到.
  for (const [model, docs] of Object.entries(extendLooseEnds(world, scale, out))) out[model] = [...(out[model] ?? []), ...docs];

  // The rule last, over the whole ledger, judged by the evaluation's own function for every month whose window it covers.
  const earned = new Map<string, number>();
  for (const e of out.PointEntry!) earned.set(`${e.memberId}|${e.month}`, (earned.get(`${e.memberId}|${e.month}`) ?? 0) + (e.points as number));
  for (const month of MONTHS.slice(2)) {
    for (const member of members) {
      if (String(member.joinedOn) >= `${windowMonths(month)[0]}-01`) continue;
      const outcome = judge(windowMonths(month).map((m) => earned.get(`${member._id}|${m}`) ?? 0));
      if (outcome) out.PointEntry!.push({ ...ruleEntry(member._id, month, outcome), createdAt: new Date(`${month}-28T12:00:00Z`) });
    }
  }
  return out;
};
