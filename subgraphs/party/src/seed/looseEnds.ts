/**
 * Party's seed of the case's loose ends, consistent with the rules the mutations apply: post claims carry a due date
 * and are done or not, points follow the work (a post task done on time, a wish approved, a case helped to close)
 * and every item past its due date undone has its one 超期未办理 deduction, under the id the code would give it, so
 * a later sweep writes nothing twice. Retired members report (双报到, 怀来: 217 离退休干部) and unit party
 * organisations report to the community (单位党组织报到). No random draws: derived from positions, so the rest of
 * the seed is untouched.
 */
import { stableId, type SeedDoc, type World, type Scale } from '@cg/kit';
import { CLAIM_POINTS } from '../claimsDue';
import { CASE_HELP } from '../jointCase/memberCredits';
import { pointEntryId, type CreditSource } from '../points';
import { WISH_POINTS } from '../wishes';

const TODAY = '2026-11-01';
const DUE = ['2026-06-30', '2026-09-30', '2026-12-31'];
const LATE: Record<string, string> = { '2026-06-30': '2026-07-10', '2026-09-30': '2026-10-10' };
const FORMER_UNITS = ['张北县教育局', '张北县财政局', '张北县人民医院', '张北县粮食局', '张北县供销社', '张北县水务局'];
const REPORTING_UNITS = [
  ['张北县民政局', 'GOVERNMENT_DEPARTMENT'],
  ['张北县司法局', 'GOVERNMENT_DEPARTMENT'],
  ['张北县人民医院', 'HOSPITAL'],
  ['张北县第一中学', 'SCHOOL'],
  ['国网张北县供电公司', 'STATE_ENTERPRISE'],
  ['张北县市场监督管理局', 'GOVERNMENT_DEPARTMENT'],
  ['张北县农商银行', 'STATE_ENTERPRISE'],
  ['张北县图书馆', 'PUBLIC_INSTITUTION'],
] as const;
const COMMITMENTS = ['每季度开展一次政策宣讲', '结对帮扶困难家庭5户', '每月组织一次环境整治', '开展健康义诊进社区', '提供法律咨询服务', '认领微心愿10个'];

const pad = (n: number) => String(n).padStart(2, '0');
const beijingMonth = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);

/** A ledger entry exactly as `creditPoints` writes it (same id), dated by its month. */
function entry(memberId: string, sourceType: CreditSource, sourceId: string, points: number, month: string, reason: string): SeedDoc {
  return { _id: pointEntryId(sourceType, sourceId, memberId), memberId, month, points, reason, sourceType, sourceId, createdAt: new Date(`${month}-28T12:00:00Z`) };
}

export function extendLooseEnds(world: World, scale: Scale, out: Record<string, SeedDoc[]>): Record<string, SeedDoc[]> {
  const members = world.party!.PartyMember!;
  const communityId = world['civil-affairs']!.Community![0]!._id;
  const PointEntry: SeedDoc[] = [];

  // Post claims: due at the end of a quarter; most are done, some on time and some late, a few still undone.
  for (const [i, claim] of out.PostClaim!.entries()) {
    const dueOn = DUE[i % DUE.length]!;
    claim.dueOn = dueOn;
    if (i % 5 === 4) {
      claim.status = 'CLAIMED';
      if (dueOn < TODAY)
        PointEntry.push(entry(claim.memberId as string, 'SERVICE_POST', `${claim._id}:overdue`, CLAIM_POINTS.overdue, dueOn.slice(0, 7), '认领岗位任务超期未办理'));
      continue;
    }
    const late = i % 7 === 3 && LATE[dueOn];
    claim.status = 'DONE';
    claim.doneOn = late || (dueOn > TODAY ? '2026-10-15' : `${dueOn.slice(0, 7)}-15`);
    claim.doneNote = '岗位任务已完成';
    PointEntry.push(
      late
        ? entry(claim.memberId as string, 'SERVICE_POST', `${claim._id}:overdue`, CLAIM_POINTS.overdue, dueOn.slice(0, 7), '认领岗位任务超期未办理')
        : entry(claim.memberId as string, 'SERVICE_POST', claim._id, CLAIM_POINTS.postDoneOnTime, (claim.doneOn as string).slice(0, 7), '认领岗位任务按期办结'),
    );
  }

  // 微心愿: overdue undone or done late costs the deduction; approval rewards on time and well rated, costs poorly rated.
  for (const wish of out.MicroWish!) {
    const memberId = wish.claimedById as string | undefined;
    if (!memberId) continue;
    const dueOn = wish.dueOn as string;
    const late = wish.doneOn ? (wish.doneOn as string) > dueOn : dueOn < TODAY;
    if (late) PointEntry.push(entry(memberId, 'MICRO_WISH', `${wish._id}:overdue`, CLAIM_POINTS.overdue, dueOn.slice(0, 7), `微心愿超期未办理：${wish.title}`));
    if (wish.status !== 'APPROVED' || (wish.rating === 'GOOD' && late)) continue;
    const good = wish.rating === 'GOOD';
    const month = (wish.approvedOn as string).slice(0, 7);
    PointEntry.push(
      entry(
        memberId,
        'MICRO_WISH',
        wish._id,
        good ? WISH_POINTS.onTimeAndGood : WISH_POINTS.poor,
        month,
        good ? `微心愿按期办结、群众认可：${wish.title}` : `微心愿群众评价低：${wish.title}`,
      ),
    );
  }

  // 党员参与一呼联动: two members helped close each closed case.
  for (const [n, c] of (out.JointCase ?? []).entries()) {
    if (c.status !== 'CLOSED' || !c.closedAt) continue;
    const helpers = new Set([members[(n * 13) % members.length]!._id, members[(n * 13 + 5) % members.length]!._id]);
    for (const memberId of helpers) PointEntry.push(entry(memberId, 'JOINT_CASE', c._id, CASE_HELP.points, beijingMonth(c.closedAt as Date), '参与一呼联动案件办结'));
  }

  // 双报到 of retired members (离退休干部), two in three of them, with their former unit.
  const DualRegistration = members
    .filter((m) => m.category === 'RETIRED')
    .flatMap((m, i) =>
      i % 3 === 2
        ? []
        : [
            {
              _id: stableId('dual', m._id, communityId),
              memberId: m._id,
              workUnit: FORMER_UNITS[i % FORMER_UNITS.length]!,
              communityId,
              reportedOn: `2026-0${5 + (i % 3)}-1${i % 9}`,
            },
          ],
    );

  // 单位党组织报到: units grow with the community, each taking on two posts and two commitments.
  const posts = out.ServicePost!;
  const unitCount = Math.min(REPORTING_UNITS.length * 4, Math.max(4, scale.grids));
  const UnitRegistration = Array.from({ length: unitCount }, (_, i) => {
    const [base, kind] = REPORTING_UNITS[i % REPORTING_UNITS.length]!;
    const unitName = i < REPORTING_UNITS.length ? base : `${base}第${Math.floor(i / REPORTING_UNITS.length) + 1}党支部`;
    return {
      _id: stableId('unit-registration', communityId, unitName),
      unitName,
      organizationName: i < REPORTING_UNITS.length ? `${base}机关党支部` : unitName,
      kind,
      communityId,
      reportedOn: `2026-0${3 + (i % 4)}-${pad(1 + (i % 9))}`,
      memberCount: 8 + ((i * 7) % 50),
      postIds: [...new Set([posts[(i * 3) % posts.length]!._id, posts[(i * 3 + 1) % posts.length]!._id])],
      commitments: [COMMITMENTS[i % COMMITMENTS.length]!, COMMITMENTS[(i + 2) % COMMITMENTS.length]!],
      jointBuildingUnitId: out.JointBuildingUnit!.find((u) => u.name === unitName)?._id,
    };
  });
  return { PointEntry, DualRegistration, UnitRegistration };
}
