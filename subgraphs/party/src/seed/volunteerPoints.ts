import { stableId, type SeedDoc, type World } from '@cg/kit';
import { volunteerPoints } from '../commands/volunteerPoints';

/**
 * 志愿服务积分 for the seeded attendance of party members (civil affairs' seed rows, every credit made): the entries
 * creditVolunteerPoints would have written, with the id its once-only insert gives (collection, caller `points`, key).
 */
export function volunteerPointEntries(world: World): SeedDoc[] {
  return (world['civil-affairs']?.VolunteerAttendance ?? [])
    .filter((a) => a.partyMemberId)
    .map((a) => {
      const memberId = a.partyMemberId as string;
      const sourceId = `volunteer-attendance:${a._id}`;
      return {
        _id: stableId('point_entries', 'points', stableId('VOLUNTEER', sourceId, memberId)),
        memberId,
        month: (a.heldOn as string).slice(0, 7),
        points: volunteerPoints(a.hours as number),
        reason: '志愿服务：志愿服务活动',
        sourceType: 'VOLUNTEER',
        sourceId,
        createdAt: a.creditedAt,
        createdBy: 'service:civil-affairs',
      };
    });
}
