import type { SeedDoc } from '@cg/kit';
import { buildWorld } from '@cg/kit/testing';
import { pointsEntryId } from '../src/points';
import { creditRef } from '../src/volunteers/credits';

// The seeded year of volunteer work (志愿服务) holds together at every scale the tests can afford: each attendance is
// credited exactly once — at party for a party member, on the resident's civility ledger otherwise, whose sequence and
// balances add up.
jest.setTimeout(120_000);

const byId = (docs: SeedDoc[] | undefined) => new Map((docs ?? []).map((d) => [d._id, d]));

test.each(['small', 'county'])('%s: volunteering is consistent with the world', async (scale) => {
  const world = await buildWorld(scale);
  const civil = world['civil-affairs']!;
  const members = byId(world.party!.PartyMember);
  const teamMembers = byId(civil.VolunteerMember);
  const activities = byId(civil.VolunteerActivity);
  const partyCredits = new Map(world.party!.PointEntry!.filter((e) => e.sourceType === 'VOLUNTEER').map((e) => [e.sourceId as string, e]));
  const civilityEntries = byId(civil.CivilityPointsEntry);
  expect(civil.VolunteerTeam!.length).toBeGreaterThanOrEqual(3);
  let partyAttendances = 0;
  for (const a of civil.VolunteerAttendance!) {
    const member = teamMembers.get(a.memberId as string)!;
    expect(member).toMatchObject({ teamId: a.teamId, residentId: a.residentId, partyMemberId: a.partyMemberId });
    expect(activities.get(a.activityId as string)).toMatchObject({ teamId: a.teamId, heldOn: a.heldOn, kind: a.kind });
    expect(a.creditStatus).toBe('CREDITED');
    if (a.partyMemberId) {
      partyAttendances++;
      expect(members.get(a.partyMemberId as string)?.residentId).toBe(a.residentId);
      expect(partyCredits.get(creditRef(a._id))).toMatchObject({ memberId: a.partyMemberId, month: (a.heldOn as string).slice(0, 7) });
    } else {
      expect(civilityEntries.get(pointsEntryId(a.residentId as string, creditRef(a._id)))).toMatchObject({ residentId: a.residentId, kind: 'EARN' });
    }
  }
  expect(partyCredits.size).toBe(partyAttendances);
  for (const activity of civil.VolunteerActivity!) {
    const rows = civil.VolunteerAttendance!.filter((a) => a.activityId === activity._id);
    expect([rows.length, rows.reduce((s, r) => s + (r.hours as number), 0)]).toEqual([activity.attendanceCount, activity.totalHours]);
  }
  // Every civility ledger (seeded before, and the volunteers' own) runs 1..n with balances that add up.
  const ledgers = new Map<string, SeedDoc[]>();
  for (const e of civil.CivilityPointsEntry!) (ledgers.get(e.residentId as string) ?? ledgers.set(e.residentId as string, []).get(e.residentId as string)!).push(e);
  for (const account of civil.CivilityPointsAccount!) {
    const entries = (ledgers.get(account.residentId as string) ?? []).sort((x, y) => (x.seq as number) - (y.seq as number));
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    const balance = entries.reduce((s, e) => s + (e.kind === 'EARN' ? 1 : -1) * (e.points as number), 0);
    expect([account.balance, account.seq]).toEqual([balance, entries.length]);
  }
});
