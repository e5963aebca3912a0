import type { Models } from '../models';
import { DELIBERATION_FORMATS, type DeliberationSessionDoc, type DeliberationTopicDoc } from '../models/Deliberation';

/**
 * 议事协商 figures for one community and year: sessions held (by format and month), participants, topics raised in
 * the year, and the outcomes and follow-ups of the topics the year's sessions decided. Three equality reads.
 */
export async function deliberationMeasures(models: Models, communityId: string, year: number) {
  const [sessions, topics, topicsRaised] = await Promise.all([
    models.DeliberationSession.find({ communityId, year }, { format: 1, heldOn: 1, participants: 1 }).lean<
      Pick<DeliberationSessionDoc, '_id' | 'format' | 'heldOn' | 'participants'>[]
    >(),
    models.DeliberationTopic.find({ communityId, sessionYear: year }, { outcome: 1, followUp: 1, sessionMonth: 1 }).lean<
      Pick<DeliberationTopicDoc, '_id' | 'outcome' | 'followUp' | 'sessionMonth'>[]
    >(),
    models.DeliberationTopic.countDocuments({ communityId, raisedYear: year }),
  ]);
  const outcomes = (outcome: string) => topics.filter((t) => t.outcome === outcome).length;
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  return {
    year,
    sessions: sessions.length,
    sessionsByFormat: DELIBERATION_FORMATS.map((format) => ({ format, sessions: sessions.filter((s) => s.format === format).length })),
    participants: sessions.reduce((sum, s) => sum + s.participants.length, 0),
    topicsRaised,
    agreed: outcomes('AGREED'),
    notAgreed: outcomes('NOT_AGREED'),
    referred: outcomes('REFERRED'),
    becameCases: topics.filter((t) => t.followUp?.kind === 'JOINT_CASE').length,
    referredToMeetings: topics.filter((t) => t.followUp?.kind === 'JOINT_MEETING').length,
    byMonth: months.map((month) => {
      const decided = topics.filter((t) => t.sessionMonth === month && t.outcome);
      return {
        month,
        sessions: sessions.filter((s) => s.heldOn.startsWith(month)).length,
        decided: decided.length,
        agreed: decided.filter((t) => t.outcome === 'AGREED').length,
      };
    }),
  };
}
