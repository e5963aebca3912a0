import { actor, assertId, badInput, conflict, isDuplicateKey, notFound, requireNonBlank, stableId, trusted, updateIf } from '@cg/kit';
import type { Context } from '../context';
import type { EscalateInput } from '../generated/resolvers-types';
import { FINAL } from '../jointCase/lifecycle';
import type { EscalationDoc } from '../models/Escalation';
import type { JointCaseDoc } from '../models/JointCase';
import type { MeetingDoc } from '../models/Meeting';
import { requireLevel, workingCommitteeAbove, workingCommitteeOfGrid } from './authority';
import { appendCaseEvent } from './caseEvents';

const DAY = 86_400_000;
const CHINA_OFFSET = 8 * 3_600_000;
/** Year and quarter of an instant on the China calendar (the reports count by it). */
export const chinaYear = (at: Date) => new Date(at.getTime() + CHINA_OFFSET).getUTCFullYear();
const chinaQuarter = (at: Date) => Math.floor(new Date(at.getTime() + CHINA_OFFSET).getUTCMonth() / 3) + 1;

interface Source {
  source: EscalationDoc['source'];
  refId: string;
  communityId: string;
  gridId?: string;
  workingCommitteeId: string | null;
  caseId?: string;
  meetingId?: string;
}

async function sourceOf(ctx: Context, input: EscalateInput): Promise<Source> {
  if ((input.caseId == null) === (input.meetingId == null)) throw badInput('give either caseId or meetingId', { field: 'caseId' });
  if (input.caseId != null) {
    const caseId = assertId(input.caseId, 'caseId');
    const c = (await ctx.models.JointCase.findById(caseId).lean()) as JointCaseDoc | null;
    if (!c) throw notFound('JointCase', caseId, 'caseId');
    if (FINAL.includes(c.status)) throw badInput(`a ${c.status} case is not escalated`, { field: 'caseId', reason: 'CASE_FINAL' });
    return { source: 'JOINT_CASE', refId: caseId, caseId, communityId: c.communityId, gridId: c.gridId, workingCommitteeId: await workingCommitteeOfGrid(ctx.models, c.gridId) };
  }
  const meetingId = assertId(input.meetingId, 'meetingId');
  const m = (await ctx.models.Meeting.findById(meetingId).lean()) as MeetingDoc | null;
  if (!m) throw notFound('Meeting', meetingId, 'meetingId');
  if (m.level !== 'COMMUNITY') throw badInput("only a problem of the community's own meeting is escalated from a meeting", { field: 'meetingId' });
  return { source: 'MEETING', refId: meetingId, meetingId, communityId: m.communityIds[0]!, workingCommitteeId: await workingCommitteeAbove(ctx.models, m.organizationId) };
}

/** 上报: community → 党工委. One escalation per case or meeting (its id derives from the source). */
export async function escalate(ctx: Context, input: EscalateInput): Promise<EscalationDoc> {
  const reason = requireNonBlank(input.reason, 'reason', 500);
  const withinDays = input.withinDays ?? 15;
  if (!Number.isInteger(withinDays) || withinDays < 1 || withinDays > 90) throw badInput('withinDays must be a whole number of days, 1–90', { field: 'withinDays' });
  const src = await sourceOf(ctx, input);
  requireLevel(ctx.identity, 'COMMUNITY', src, 'escalate for this community');
  if (!src.workingCommitteeId)
    throw badInput('no working committee (党工委) stands above this community', { field: src.caseId ? 'caseId' : 'meetingId', reason: 'NO_WORKING_COMMITTEE' });
  const field = src.caseId ? 'caseId' : 'meetingId';
  const _id = stableId('escalation', src.source, src.refId);
  if (await ctx.models.Escalation.exists({ _id })) throw conflict('this problem was escalated already', { field, escalationId: _id });
  const now = new Date();
  const doc: EscalationDoc = {
    _id,
    source: src.source,
    caseId: src.caseId ?? null,
    meetingId: src.meetingId ?? null,
    communityId: src.communityId,
    gridId: src.gridId ?? null,
    workingCommitteeId: src.workingCommitteeId,
    level: 'WORKING_COMMITTEE',
    status: 'OPEN',
    reason,
    escalatedAt: now,
    escalatedBy: actor(ctx),
    year: chinaYear(now),
    quarter: chinaQuarter(now),
    dueAt: new Date(now.getTime() + withinDays * DAY),
    steps: [{ level: 'WORKING_COMMITTEE', at: now, by: actor(ctx), reason }],
    resolvedAt: null,
    resolved: 0,
    onTime: 0,
    reachedCounty: 0,
  };
  try {
    await ctx.models.Escalation.create(doc);
  } catch (error) {
    if (isDuplicateKey(error)) throw conflict('this problem was escalated already', { field, escalationId: _id });
    throw error;
  }
  if (src.caseId) {
    try {
      await appendCaseEvent(ctx, src.caseId, 'ESCALATE', `上报党工委: ${reason}`);
    } catch (error) {
      await ctx.models.Escalation.deleteOne({ _id });
      throw error;
    }
  }
  return doc;
}

/** 工委直报县委 (绿色通道): the working committee raises an open escalation to the county. */
export async function forwardEscalation(ctx: Context, id: string, reasonText: string): Promise<EscalationDoc> {
  const escalationId = assertId(id, 'id');
  const reason = requireNonBlank(reasonText, 'reason', 500);
  const current = (await ctx.models.Escalation.findById(escalationId).lean()) as EscalationDoc | null;
  if (!current) throw notFound('Escalation', escalationId);
  if (current.status !== 'OPEN' || current.level !== 'WORKING_COMMITTEE') {
    throw badInput(`an escalation ${current.status} at ${current.level} is not forwarded`, { field: 'id', reason: 'ILLEGAL_TRANSITION' });
  }
  requireLevel(ctx.identity, 'WORKING_COMMITTEE', current, 'forward this escalation to the county');
  const now = new Date();
  const updated = await updateIf<EscalationDoc>(
    ctx.models.Escalation,
    escalationId,
    { status: 'OPEN', level: 'WORKING_COMMITTEE' },
    { $set: { level: 'COUNTY', reachedCounty: 1 }, $push: { steps: { level: 'COUNTY', at: now, by: actor(ctx), reason } } },
  );
  if (!updated) throw conflict('the escalation changed meanwhile; reload', { field: 'id' });
  if (updated.caseId) await appendCaseEvent(ctx, updated.caseId, 'FORWARD_TO_COUNTY', `工委直报县委: ${reason}`);
  return updated;
}

/** Resolves the escalation once none of its meeting tasks is open; the case hears of it (回告). */
export async function resolveIfDone(ctx: Context, escalationId: string, at: Date): Promise<void> {
  const open = await ctx.models.MeetingTask.countDocuments({ escalationId, status: trusted({ $in: ['PENDING', 'ACCEPTED'] }) });
  if (open > 0) return;
  const current = (await ctx.models.Escalation.findById(escalationId).lean()) as EscalationDoc | null;
  if (!current || current.status !== 'OPEN') return;
  const onTime = at.getTime() <= new Date(current.dueAt).getTime() ? 1 : 0;
  const updated = await updateIf<EscalationDoc>(ctx.models.Escalation, escalationId, { status: 'OPEN' }, { $set: { status: 'RESOLVED', resolvedAt: at, resolved: 1, onTime } });
  if (updated?.caseId)
    await appendCaseEvent(ctx, updated.caseId, 'ESCALATION_RESOLVED', `${updated.level === 'COUNTY' ? '县委' : '党工委'}督办事项全部办结${onTime ? '' : '（超期）'}`);
}
