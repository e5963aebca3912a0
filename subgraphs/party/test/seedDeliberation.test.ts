import type { SeedDoc } from '@cg/kit';
import { buildWorld } from '@cg/kit/testing';

// The seeded year of deliberation (议事协商) holds together at every scale the tests can afford: sessions take topics of
// their own community raised before them, participants exist, and only a referred topic is followed up, at a meeting.
jest.setTimeout(120_000);

const byId = (docs: SeedDoc[] | undefined) => new Map((docs ?? []).map((d) => [d._id, d]));

test.each(['small', 'county'])('%s: deliberation is consistent with the world', async (scale) => {
  const world = await buildWorld(scale);
  const residents = byId(world['civil-affairs']!.Resident);
  const party = world.party!;
  const members = byId(party.PartyMember);
  const units = byId(party.ResponseUnit);
  const topics = byId(party.DeliberationTopic);

  expect(party.DeliberationSession!.length).toBeGreaterThan(0);
  for (const session of party.DeliberationSession!) {
    for (const id of session.topicIds as string[]) {
      const topic = topics.get(id)!;
      expect(topic).toMatchObject({ communityId: session.communityId, sessionId: session._id, status: 'DECIDED', sessionYear: session.year });
      expect((topic.raisedOn as string) <= (session.heldOn as string)).toBe(true);
    }
    for (const p of session.participants as Array<{ kind: string; refId: string }>) {
      expect({ RESIDENT: residents, PARTY_MEMBER: members, UNIT: units }[p.kind]!.has(p.refId)).toBe(true);
    }
  }
  for (const topic of party.DeliberationTopic!) {
    if (topic.raisedByResidentId) expect(residents.get(topic.raisedByResidentId as string)?.gridId).toBe(topic.gridId);
    expect(topic.followUp ? (topic.followUp as { kind: string }).kind : null).toBe(topic.outcome === 'REFERRED' ? 'JOINT_MEETING' : null);
  }
});
