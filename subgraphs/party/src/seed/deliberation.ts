/**
 * A year of resident deliberation (议事协商) per community: every grid raises a topic a month (residents or their
 * grid worker), two sessions a month in rotating forms take them up with residents, members and unit representatives,
 * and decide each (agreed, not agreed, referred — a referred one goes to the joint meeting). The last month's topics
 * are still open, waiting for a session. Its own random stream, so the rest of the seed draws what it drew before.
 */
import { Faker, base, zh_CN } from '@faker-js/faker';
import { stableId, type SeedDoc, type World } from '@cg/kit';
import { DELIBERATION_FORMATS } from '../models/Deliberation';

const TITLES = [
  '楼道堆放杂物清理',
  '小区停车位不足',
  '广场舞噪音扰民',
  '增设快递柜',
  '加装电梯意见征集',
  '垃圾分类投放点调整',
  '小区绿化改造',
  '老旧管网改造',
  '电动车充电桩建设',
  '门禁系统更换',
  '冬季供暖不热',
  '流浪犬管理',
];
const PLACES: Record<string, string> = {
  STOOL_COUNCIL: '楼前空地',
  COURTYARD_ROUNDTABLE: '小区院落',
  COMMUNITY_HALL: '社区议事厅',
  RESIDENTS_LIVING_ROOM: '党群服务中心百姓客厅',
};
const MONTHS = Array.from({ length: 10 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
const day = (month: string, d: number) => `${month}-${String(d).padStart(2, '0')}`;

export function deliberationSeed(world: World, unitIds: string[]): Record<string, SeedDoc[]> {
  const faker = new Faker({ locale: [zh_CN, base] });
  faker.seed(20261203);
  const civil = world['civil-affairs']!;
  const members = world.party!.PartyMember!;
  const residentsByGrid = new Map<string, string[]>();
  for (const r of civil.Resident!) (residentsByGrid.get(r.gridId as string) ?? residentsByGrid.set(r.gridId as string, []).get(r.gridId as string)!).push(r._id);
  const topics: SeedDoc[] = [];
  const sessions: SeedDoc[] = [];
  let formatAt = 0;
  for (const community of civil.Community!) {
    const grids = civil.Grid!.filter((g) => g.communityId === community._id && residentsByGrid.has(g._id));
    for (const [m, month] of MONTHS.entries()) {
      const raised = grids.map((grid, i) => {
        const byResident = faker.number.float() < 0.6;
        const raisedOn = day(month, faker.number.int({ min: 1, max: 10 }));
        return {
          _id: stableId('deliberation-topic', grid._id, month),
          communityId: community._id,
          gridId: grid._id,
          title: TITLES[(m + i) % TITLES.length]!,
          description: `${grid.name as string}居民反映：${TITLES[(m + i) % TITLES.length]!}，希望协商解决`,
          raisedBy: byResident ? 'RESIDENT' : 'GRID_WORKER',
          raisedByResidentId: byResident ? faker.helpers.arrayElement(residentsByGrid.get(grid._id)!) : null,
          raisedOn,
          raisedYear: 2026,
          status: 'OPEN',
          sessionId: null,
          sessionYear: null,
          sessionMonth: null,
          outcome: null,
          outcomeNote: null,
          followUp: null,
        } as SeedDoc;
      });
      topics.push(...raised);
      if (m === MONTHS.length - 1) continue; // this month's topics wait for a session
      const halves = [raised.slice(0, Math.ceil(raised.length / 2)), raised.slice(Math.ceil(raised.length / 2))].filter((h) => h.length);
      for (const [s, agenda] of halves.entries()) {
        const format = DELIBERATION_FORMATS[formatAt++ % DELIBERATION_FORMATS.length]!;
        const heldOn = day(month, 15 + s * 7);
        const gridLevel = format === 'STOOL_COUNCIL' || format === 'COURTYARD_ROUNDTABLE';
        const residents = agenda.flatMap((t) => faker.helpers.arrayElements(residentsByGrid.get(t.gridId as string)!, 2));
        const session = {
          _id: stableId('deliberation-session', community._id, month, s),
          communityId: community._id,
          gridId: gridLevel ? agenda[0]!.gridId : null,
          format,
          place: PLACES[format]!,
          heldOn,
          year: 2026,
          topicIds: agenda.map((t) => t._id),
          participants: [
            ...[...new Set(residents)].map((refId) => ({ kind: 'RESIDENT', refId })),
            ...faker.helpers.arrayElements(members, Math.min(members.length, 2)).map((p) => ({ kind: 'PARTY_MEMBER', refId: p._id })),
            ...faker.helpers.arrayElements(unitIds, Math.min(unitIds.length, 2)).map((refId) => ({ kind: 'UNIT', refId })),
          ],
        };
        sessions.push(session);
        for (const topic of agenda) {
          const roll = faker.number.float();
          const outcome = roll < 0.6 ? 'AGREED' : roll < 0.8 ? 'REFERRED' : 'NOT_AGREED';
          Object.assign(topic, {
            status: 'DECIDED',
            sessionId: session._id,
            sessionYear: 2026,
            sessionMonth: month,
            outcome,
            outcomeNote: { AGREED: '居民达成一致，由社区牵头落实', REFERRED: '涉及多个单位，提交党建联席会议协调', NOT_AGREED: '意见分歧较大，下次再议' }[outcome],
            followUp:
              outcome === 'REFERRED' ? { kind: 'JOINT_MEETING', caseId: null, meetingId: null, note: '提交党建联席会议', at: new Date(`${heldOn}T10:00:00Z`), by: 'seed' } : null,
          });
        }
      }
    }
  }
  return { DeliberationTopic: topics, DeliberationSession: sessions };
}
