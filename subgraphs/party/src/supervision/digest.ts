import { assertId, chinaNextDayStart, notFound, requireDate, trusted } from '@cg/kit';
import type { Context } from '../context';
import { ON_THE_CLOCK } from '../jointCase/lifecycle';
import type { CaseTask, JointCaseDoc } from '../models/JointCase';
import type { MeetingTaskDoc } from '../models/MeetingTask';
import type { ResponseUnitDoc } from '../models/ResponseUnit';

/** The bound the SDL states for each list of the digest. */
const MAX_ROWS = 100;

export interface OverdueDigestParent {
  unit: ResponseUnitDoc;
  date: string;
  caseTasks: Array<{ case: JointCaseDoc; task: CaseTask }>;
  meetingTasks: MeetingTaskDoc[];
  urgedOnDay: number;
}

/**
 * A unit's overdue work as of the end of `date` (China time): open case tasks on cases still on the clock and past
 * their limit, open meeting tasks past theirs. Reads by the unit (indexed `tasks.unitId`, `unitId + status`).
 */
export async function overdueDigest(ctx: Context, unitIdArg: string, dateArg: string): Promise<OverdueDigestParent> {
  const unitId = assertId(unitIdArg, 'unitId');
  const date = requireDate(dateArg, 'date');
  const unit = await ctx.loaders.responseUnit.load(unitId);
  if (!unit) throw notFound('ResponseUnit', unitId, 'unitId');
  const end = new Date(chinaNextDayStart(date));
  const cases = (await ctx.models.JointCase.find({ 'tasks.unitId': unitId, status: trusted({ $in: [...ON_THE_CLOCK] }) })
    .sort({ dueAt: 1 })
    .lean()) as unknown as JointCaseDoc[];
  const caseTasks = cases
    .filter((c) => new Date(c.dueAt) < end)
    .flatMap((c) => c.tasks.filter((t) => t.unitId === unitId && (t.status === 'PENDING' || t.status === 'ACCEPTED')).map((task) => ({ case: c, task })))
    .slice(0, MAX_ROWS);
  const open = await Promise.all((['PENDING', 'ACCEPTED'] as const).map((status) => ctx.models.MeetingTask.find({ unitId, status }).lean() as Promise<MeetingTaskDoc[]>));
  const meetingTasks = open
    .flat()
    .filter((t) => new Date(t.dueAt) < end)
    .sort((a, b) => new Date(a.dueAt).getTime() - new Date(b.dueAt).getTime())
    .slice(0, MAX_ROWS);
  const urgedOnDay = await ctx.models.Urge.countDocuments({ unitId, day: date });
  return { unit, date, caseTasks, meetingTasks, urgedOnDay };
}
