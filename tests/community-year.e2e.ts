import { useStack } from '@cg/kit/testing';

// One query, one community, one year: escalations per level, joint meetings with their task completion, resident
// deliberation and volunteer hours, each answered by its department and joined by the gateway. The expectations are
// counted from the seeded records, not from another answer.
const { stack, world } = useStack({ as: 'party-secretary' });

const YEAR_IN_ONE_QUERY = `query($id: ID!, $year: Int!) {
  community(id: $id) {
    name
    escalationMeasures(year: $year) { escalated resolved resolvedWithinLimit open levels { level escalated resolved } }
    jointMeetingMeasures(year: $year) { meetingsHeld onSiteMeetingsHeld tasksAssigned tasksDone completionRate }
    deliberationMeasures(year: $year) { sessions topicsRaised agreed notAgreed referred }
    volunteerMeasures(year: $year) { teams activities attendances hours }
  }
}`;

test('a community year in one query: escalations, joint meetings, deliberation and volunteer hours', async () => {
  const party = world().party!;
  const civil = world()['civil-affairs']!;
  const community = civil.Community![0]!;
  const year = 2026;
  const { data, errors } = await stack.query(YEAR_IN_ONE_QUERY, { id: community._id, year });
  expect(errors).toBeUndefined();
  const answer = data.community;

  const escalations = party.Escalation!.filter((e) => e.communityId === community._id && e.year === year);
  expect(answer.escalationMeasures).toMatchObject({
    escalated: escalations.length,
    resolved: escalations.filter((e) => e.status === 'RESOLVED').length,
    open: escalations.filter((e) => e.status === 'OPEN').length,
  });
  expect(answer.escalationMeasures.escalated).toBeGreaterThan(0);

  const meetings = party.Meeting!.filter((m) => (m.communityIds as string[]).includes(community._id as string) && m.year === year);
  expect(answer.jointMeetingMeasures.meetingsHeld + answer.jointMeetingMeasures.onSiteMeetingsHeld).toBe(meetings.length);
  expect(answer.jointMeetingMeasures.onSiteMeetingsHeld).toBe(meetings.filter((m) => m.kind === 'ON_SITE').length);
  expect(answer.jointMeetingMeasures.tasksAssigned).toBeGreaterThan(0);

  const sessions = party.DeliberationSession!.filter((s) => s.communityId === community._id && s.year === year);
  expect(answer.deliberationMeasures.sessions).toBe(sessions.length);
  expect(answer.deliberationMeasures.sessions).toBeGreaterThan(0);

  const attendances = civil.VolunteerAttendance!.filter((a) => a.communityId === community._id && a.year === year);
  expect(answer.volunteerMeasures.attendances).toBe(attendances.length);
  expect(answer.volunteerMeasures.hours).toBeCloseTo(
    attendances.reduce((sum, a) => sum + (a.hours as number), 0),
    6,
  );
  expect(answer.volunteerMeasures.activities).toBe(civil.VolunteerActivity!.filter((a) => a.communityId === community._id && a.year === year).length);
});
