import { byIdLoader, manyByFieldLoader, oneByFieldLoader } from '@cg/kit';
import type { Models } from '../models';
import type { EscalationDoc } from '../models/Escalation';
import type { JointMeetingBodyDoc } from '../models/JointMeetingBody';
import type { MeetingDoc } from '../models/Meeting';
import type { MeetingTaskDoc } from '../models/MeetingTask';
import type { UrgeDoc } from '../models/Urge';

/** Loaders of escalation, meetings and supervision (merged into the department's loaders). */
export const governanceLoaders = (models: Models) => ({
  escalation: byIdLoader<EscalationDoc>(models.Escalation),
  escalationOfCase: oneByFieldLoader<EscalationDoc>(models.Escalation, 'caseId'),
  jointMeetingBody: byIdLoader<JointMeetingBodyDoc>(models.JointMeetingBody),
  meeting: byIdLoader<MeetingDoc>(models.Meeting),
  meetingsOfEscalation: manyByFieldLoader<MeetingDoc>(models.Meeting, 'escalationId'),
  meetingTask: byIdLoader<MeetingTaskDoc>(models.MeetingTask),
  tasksOfMeeting: manyByFieldLoader<MeetingTaskDoc>(models.MeetingTask, 'meetingId'),
  tasksOfEscalation: manyByFieldLoader<MeetingTaskDoc>(models.MeetingTask, 'escalationId'),
  urge: byIdLoader<UrgeDoc>(models.Urge),
  urgesOf: manyByFieldLoader<UrgeDoc>(models.Urge, 'targetId'),
});
