import { groupSums, trusted } from '@cg/kit';
import { requireYear } from '../escalation/measures';
import type { Models } from '../models';
import { GOVERNANCE_LEVELS, type GovernanceLevel } from '../models/Escalation';

/** Joint meetings concerning a community in a year and their tasks, each summed per level (`$group`; groupSums for several sums, see the kit). */
export async function jointMeetingMeasures(models: Models, communityId: string, year: number) {
  requireYear(year);
  const joint = { communityIds: communityId, year };
  const [meetings, tasks, onSite, overdue] = await Promise.all([
    models.Meeting.aggregate<{ _id: GovernanceLevel; n: number }>([{ $match: { ...joint, kind: 'JOINT' } }, { $group: { _id: '$level', n: { $sum: 1 } } }]),
    groupSums(models.MeetingTask, [{ $match: { ...joint, meetingKind: 'JOINT' } }], '$level', { n: 1, done: '$done', onTime: '$onTime' }),
    models.Meeting.countDocuments({ ...joint, kind: 'ON_SITE' }),
    models.MeetingTask.countDocuments({ ...joint, meetingKind: 'JOINT', status: trusted({ $in: ['PENDING', 'ACCEPTED'] }), dueAt: trusted({ $lt: new Date() }) }),
  ]);
  const levels = GOVERNANCE_LEVELS.map((level) => {
    const t = tasks.find((r) => r._id === level);
    return { level, meetings: meetings.find((r) => r._id === level)?.n ?? 0, tasksAssigned: t?.n ?? 0, tasksDone: t?.done ?? 0, tasksDoneOnTime: t?.onTime ?? 0 };
  });
  const sum = (key: 'meetings' | 'tasksAssigned' | 'tasksDone' | 'tasksDoneOnTime') => levels.reduce((s, l) => s + l[key], 0);
  const tasksAssigned = sum('tasksAssigned');
  return {
    year,
    meetingsHeld: sum('meetings'),
    onSiteMeetingsHeld: onSite,
    tasksAssigned,
    tasksDone: sum('tasksDone'),
    tasksDoneOnTime: sum('tasksDoneOnTime'),
    tasksOverdue: overdue,
    completionRate: tasksAssigned ? sum('tasksDone') / tasksAssigned : null,
    levels,
  };
}
