/**
 * A year of volunteer work (志愿服务) for the seeded world: teams per community (义合美新城: "志愿服务队11支" at the
 * demo scale, fewer where there are fewer grids), members drawn from the community's adult residents (party members
 * among them, named by their PartyMember id), one activity per team a month up to the world's today, and the
 * attendance, every credit made: a party member's at party (party's seed writes the entries from these rows), a
 * resident's as a fresh civility ledger (only residents without one, so each ledger stays in sequence). Its own
 * random stream, so the rest of the seed draws what it drew before.
 */
import { Faker, base, zh_CN } from '@faker-js/faker';
import { ageOn, stableId, type Scale, type SeedDoc as Doc, type World } from '@cg/kit';
import { pointsAccountId, pointsEntryId } from '../points';
import { civilityPointsFor, creditRef, KIND_LABELS } from '../volunteers/credits';

const TEAMS: Array<[string, string, string[]]> = [
  ['团县委', '青年志愿服务队', ['POSTER_REMOVAL', 'ENVIRONMENT_CLEANUP', 'CIVILITY_PERSUASION']],
  ['张北县人民医院', '健康义诊志愿服务队', ['HEALTH_CLINIC', 'ELDER_CARE']],
  ['张北县工商联', '爱心商户志愿服务队', ['FREE_HAIRCUT', 'ELDER_CARE']],
  ['张北县妇联', '巾帼志愿服务队', ['ELDER_CARE', 'CIVILITY_PERSUASION']],
  ['张北县司法局', '法律服务志愿服务队', ['LEGAL_ADVICE']],
  ['国网张北县供电公司', '电力志愿服务队', ['OTHER', 'ELDER_CARE']],
  ['张北县教育局', '助学志愿服务队', ['OTHER', 'CIVILITY_PERSUASION']],
  ['张北县民政局', '关爱老人志愿服务队', ['ELDER_CARE', 'FREE_HAIRCUT']],
  ['社区党委', '党员先锋志愿服务队', ['ENVIRONMENT_CLEANUP', 'POSTER_REMOVAL']],
  ['张北县消防救援大队', '消防安全志愿服务队', ['CIVILITY_PERSUASION', 'OTHER']],
  ['张北县市场监督管理局', '食品安全志愿服务队', ['CIVILITY_PERSUASION', 'LEGAL_ADVICE']],
];
const TITLES: Record<string, string> = {
  FREE_HAIRCUT: '义务理发进社区',
  HEALTH_CLINIC: '健康义诊进小区',
  POSTER_REMOVAL: '清理小广告',
  ENVIRONMENT_CLEANUP: '环境卫生大扫除',
  ELDER_CARE: '走访慰问独居老人',
  CIVILITY_PERSUASION: '文明劝导',
  LEGAL_ADVICE: '法律咨询进社区',
  OTHER: '志愿服务进社区',
};
const HOURS = [1, 1.5, 2, 2, 2.5, 3, 4];
const MONTHS = Array.from({ length: 10 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`); // up to the world's today, 2026-11-01
const TODAY = '2026-11-01';

export function seedVolunteers(world: World, scale: Scale, ledgers: { CivilityPointsAccount: Doc[]; CivilityPointsEntry: Doc[] }) {
  const faker = new Faker({ locale: [zh_CN, base] });
  faker.seed(20261202);
  const civil = world['civil-affairs']!;
  const memberOf = new Map((world.party?.PartyMember ?? []).map((m) => [m.residentId as string, m._id]));
  const holders = new Set(ledgers.CivilityPointsAccount.map((a) => a.residentId as string));
  const gridCommunity = new Map(civil.Grid!.map((g) => [g._id, g.communityId as string]));
  const gridOf = new Map(civil.Resident!.map((r) => [r._id as string, r.gridId as string]));
  const out = { VolunteerTeam: [] as Doc[], VolunteerMember: [] as Doc[], VolunteerActivity: [] as Doc[], VolunteerAttendance: [] as Doc[] };
  const earns = new Map<string, Array<{ ref: string; heldOn: string; hours: number; kind: string }>>();

  for (const community of civil.Community!) {
    const adults = civil.Resident!.filter(
      (r) => gridCommunity.get(r.gridId as string) === community._id && ageOn(r.birthDate as string, TODAY) >= 18 && ageOn(r.birthDate as string, TODAY) <= 70,
    );
    const grids = civil.Grid!.filter((g) => g.communityId === community._id && g.level === 'GRID').length;
    const teamCount = Math.min(TEAMS.length, Math.max(3, Math.round(grids * 0.7)));
    const size = Math.min(20, 6 + Math.round(scale.grids / 2));
    const partyPool = adults.filter((r) => memberOf.has(r._id));
    const residentPool = adults.filter((r) => !memberOf.has(r._id) && !holders.has(r._id));
    for (let t = 0; t < teamCount; t++) {
      const [unit, name, kinds] = TEAMS[t]!;
      const team = {
        _id: stableId('volunteer-team', community._id, name),
        name,
        organizingUnit: unit,
        communityId: community._id,
        foundedOn: `${2019 + (t % 5)}-0${1 + (t % 9)}-15`,
      };
      out.VolunteerTeam.push(team);
      const chosen = [
        ...faker.helpers.arrayElements(partyPool, Math.min(partyPool.length, Math.ceil(size * 0.3))),
        ...faker.helpers.arrayElements(residentPool, Math.min(residentPool.length, size - Math.ceil(size * 0.3))),
      ];
      const members = chosen.map((r) => ({
        _id: stableId('volunteer-member', team._id, r._id),
        teamId: team._id,
        communityId: community._id,
        residentId: r._id,
        partyMemberId: memberOf.get(r._id) ?? null,
        joinedOn: '2025-12-01',
      }));
      out.VolunteerMember.push(...members);
      for (const month of MONTHS) {
        const kind = faker.helpers.arrayElement(kinds);
        const heldOn = `${month}-${String(faker.number.int({ min: 1, max: 28 })).padStart(2, '0')}`;
        const activityId = stableId('volunteer-activity', team._id, month);
        const present = faker.helpers.arrayElements(members, Math.min(members.length, faker.number.int({ min: 3, max: 8 })));
        const rows = present.map((m) => ({ m, hours: faker.helpers.arrayElement(HOURS) }));
        const totalHours = rows.reduce((s, r) => s + r.hours, 0);
        out.VolunteerActivity.push({
          _id: activityId,
          teamId: team._id,
          communityId: community._id,
          kind,
          title: TITLES[kind]!,
          place: '义合美新城社区党群服务中心',
          heldOn,
          year: 2026,
          attendanceCount: rows.length,
          totalHours,
        });
        for (const { m, hours } of rows) {
          const _id = stableId('volunteer-attendance', activityId, m._id);
          const at = new Date(`${heldOn}T12:00:00Z`);
          out.VolunteerAttendance.push({
            _id,
            activityId,
            teamId: team._id,
            communityId: community._id,
            memberId: m._id,
            residentId: m.residentId,
            partyMemberId: m.partyMemberId,
            kind,
            heldOn,
            year: 2026,
            hours,
            creditTarget: m.partyMemberId ? 'PARTY_POINTS' : 'CIVILITY_POINTS',
            creditStatus: 'CREDITED',
            creditAttempts: 0,
            creditError: null,
            creditedAt: at,
            createdAt: at,
          });
          if (!m.partyMemberId) (earns.get(m.residentId) ?? earns.set(m.residentId, []).get(m.residentId)!).push({ ref: creditRef(_id), heldOn, hours, kind });
        }
      }
    }
  }
  // Civility ledgers of the resident volunteers, in the order of their activities, as applyPoints writes them.
  for (const [residentId, list] of earns) {
    let earned = 0;
    list.sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.ref.localeCompare(b.ref));
    list.forEach((e, i) => {
      const points = civilityPointsFor(e.hours);
      earned += points;
      ledgers.CivilityPointsEntry.push({
        _id: pointsEntryId(residentId, e.ref),
        residentId,
        gridId: gridOf.get(residentId),
        seq: i + 1,
        kind: 'EARN',
        points,
        activity: `志愿服务·${KIND_LABELS[e.kind]}`,
        balanceAfter: earned,
        earnedTotalAfter: earned,
        spentTotalAfter: 0,
        occurredAt: `${e.heldOn}T12:00:00.000Z`,
        recordedBy: 'volunteer-service',
      });
    });
    ledgers.CivilityPointsAccount.push({ _id: pointsAccountId(residentId), residentId, balance: earned, earnedTotal: earned, spentTotal: 0, seq: list.length });
  }
  return out;
}
