import {
  actor,
  assertId,
  badInput,
  conflict,
  createOnce,
  isDuplicateKey,
  newId,
  notFound,
  optionalText,
  requireNonBlank,
  requirePastDate,
  requirePhone,
  trusted,
  withLock,
} from '@cg/kit';
import type { Context } from './context';
import type { MutationResolvePatrolIssueArgs, PatrolIssueInput, RecordEstatePatrolInput } from './generated/resolvers-types';
import type { EstatePatrolDoc } from './models/EstatePatrol';
import { requireBuilding, requireEstate, requireUnit } from './references';

/** 崇礼: the steward patrols 08:30–09:30 every day. */
const PATROL_WINDOW = { start: '08:30', end: '09:30' } as const;
export const onSchedule = (patrol: { startTime: string; endTime: string }) => patrol.startTime >= PATROL_WINDOW.start && patrol.endTime <= PATROL_WINDOW.end;

const MAX_PATROL_ISSUES = 50;

/** `HH:MM` on a 24-hour clock. */
function requireClockTime(value: string, field: string): string {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(value)) throw badInput(`${field} must be a time HH:MM`, { field });
  return value;
}

/** Each issue's place must lie in the patrolled estate (a unit, when given, in the building given). */
async function checkIssues(ctx: Context, estateId: string, issues: PatrolIssueInput[]) {
  if (issues.length > MAX_PATROL_ISSUES) throw badInput(`a patrol lists at most ${MAX_PATROL_ISSUES} issues`, { field: 'issues' });
  const checked = [];
  for (const [i, issue] of issues.entries()) {
    const description = requireNonBlank(issue.description, `issues.${i}.description`, 1000);
    let buildingId = issue.buildingId == null ? undefined : assertId(issue.buildingId, `issues.${i}.buildingId`);
    const unitId = issue.unitId == null ? undefined : assertId(issue.unitId, `issues.${i}.unitId`);
    if (unitId) {
      const unit = await requireUnit(ctx, unitId, `issues.${i}.unitId`);
      if (buildingId && unit.buildingId !== buildingId) throw badInput('the unit does not lie in the building', { field: `issues.${i}.unitId` });
      buildingId = unit.buildingId;
    }
    if (buildingId && (await requireBuilding(ctx, buildingId, `issues.${i}.buildingId`)).estateId !== estateId) {
      throw badInput('the place does not lie in the patrolled estate', { field: `issues.${i}.${unitId ? 'unitId' : 'buildingId'}` });
    }
    checked.push({ category: issue.category, description, buildingId, unitId, resolved: issue.resolved ?? false });
  }
  return checked;
}

/** 小区管家巡查: one record per estate and day (a second one is a CONFLICT), issues embedded. */
export async function recordEstatePatrol(ctx: Context, input: RecordEstatePatrolInput): Promise<EstatePatrolDoc> {
  const estateId = assertId(input.estateId, 'estateId');
  const date = requirePastDate(input.date, 'date');
  const stewardName = requireNonBlank(input.stewardName, 'stewardName', 50);
  const stewardPhone = input.stewardPhone == null ? undefined : requirePhone(input.stewardPhone, 'stewardPhone');
  const gridId = input.gridId == null ? undefined : assertId(input.gridId, 'gridId');
  const startTime = requireClockTime(input.startTime, 'startTime');
  const endTime = requireClockTime(input.endTime, 'endTime');
  if (endTime <= startTime) throw badInput('endTime must be after startTime', { field: 'endTime' });
  await requireEstate(ctx, estateId);
  const issues = await checkIssues(ctx, estateId, input.issues ?? []);
  if (gridId) await ctx.peers.requireEntities('civil-affairs', 'Grid', [gridId], 'gridId');
  const fields = { estateId, date, stewardName, stewardPhone, gridId, startTime, endTime, issues };
  const at = new Date().toISOString();
  try {
    const { doc } = await createOnce<EstatePatrolDoc>(
      ctx.models.EstatePatrol,
      {
        ...fields,
        issues: issues.map((issue) => ({ ...issue, id: newId(), ...(issue.resolved ? { resolvedAt: at } : {}) })),
        openIssueCount: issues.filter((issue) => !issue.resolved).length,
        recordedBy: actor(ctx),
      },
      { idempotencyKey: input.idempotencyKey, caller: ctx.identity?.subject, input: fields },
    );
    return doc;
  } catch (error) {
    if (isDuplicateKey(error)) throw conflict('the estate already has a patrol on that date', { field: 'date' });
    throw error;
  }
}

/**
 * 整改完成: one conditional update addressed by the issue's position, guarded by its id and open state, so the
 * open-issue count drops exactly once however often it is called.
 */
export async function resolvePatrolIssue(ctx: Context, args: MutationResolvePatrolIssueArgs): Promise<EstatePatrolDoc> {
  const patrolId = assertId(args.patrolId, 'patrolId');
  const issueId = assertId(args.issueId, 'issueId');
  const note = optionalText(args.note, 'note', 500);
  return withLock(ctx.models.EstatePatrol.db, `estate_patrols:${patrolId}`, () => resolveIssue(ctx, patrolId, issueId, note));
}

async function resolveIssue(ctx: Context, patrolId: string, issueId: string, note: string | undefined): Promise<EstatePatrolDoc> {
  const patrol = (await ctx.models.EstatePatrol.findById(patrolId).lean()) as EstatePatrolDoc | null;
  if (!patrol) throw notFound('EstatePatrol', patrolId, 'patrolId');
  const index = patrol.issues.findIndex((issue) => issue.id === issueId);
  if (index < 0) throw notFound('PatrolIssue', issueId, 'issueId');
  const path = `issues.${index}`;
  const updated = await ctx.models.EstatePatrol.findOneAndUpdate(
    { _id: patrolId, [`${path}.id`]: issueId, [`${path}.resolved`]: false, openIssueCount: trusted({ $gt: 0 }) },
    { $set: { [`${path}.resolved`]: true, [`${path}.resolvedAt`]: new Date().toISOString(), ...(note ? { [`${path}.resolutionNote`]: note } : {}) }, $inc: { openIssueCount: -1 } },
    { returnDocument: 'after' },
  ).lean();
  if (!updated) throw conflict('the issue is resolved already', { field: 'issueId' });
  return updated as EstatePatrolDoc;
}
