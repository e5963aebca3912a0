import { assertId, badInput, conflict, notFound, stableId } from '@cg/kit';
import type { Context } from '../context';
import type { RaiseServiceOrderFromPatrolIssueInput } from '../generated/resolvers-types';
import type { PatrolIssueDoc } from '../models/EstatePatrol';
import type { ServiceOrderDoc } from '../models/ServiceOrder';
import { insertRaisedOnce, requireUnitWithin } from './order';

/** What a patrol finding becomes as a service order (排查类别 → 工单类别). */
export const PATROL_ORDER_CATEGORY: Record<PatrolIssueDoc['category'], ServiceOrderDoc['category']> = {
  SANITATION: 'SANITATION',
  FITNESS_EQUIPMENT: 'FACILITIES',
  FIRE_EQUIPMENT: 'FACILITIES',
  PUBLIC_NOTICES: 'OTHER',
  LIGHTING: 'FACILITIES',
  PARKING: 'PARKING',
  OTHER: 'OTHER',
};

/** The order a finding raised has an id derived from the finding: at most one, and the finding finds it without an index. */
export const patrolOrderId = (issueId: string) => stableId('patrol-order', issueId);

/**
 * 管家吹哨, 物业报到: an open patrol finding becomes a service order in one step. The order is for the resident
 * concerned (checked with civil affairs) at the finding's dwelling, or a dwelling given in the finding's building
 * or estate; a finding raises one order at most (a second raise is a CONFLICT).
 */
export async function raiseServiceOrderFromPatrolIssue(ctx: Context, input: RaiseServiceOrderFromPatrolIssueInput): Promise<ServiceOrderDoc> {
  const patrolId = assertId(input.patrolId, 'patrolId');
  const issueId = assertId(input.issueId, 'issueId');
  const reporterId = assertId(input.reporterId, 'reporterId');
  const unitId = input.unitId == null ? undefined : assertId(input.unitId, 'unitId');
  const patrol = await ctx.loaders.estatePatrol.load(patrolId);
  if (!patrol) throw notFound('EstatePatrol', patrolId, 'patrolId');
  const issue = patrol.issues.find((i) => i.id === issueId);
  if (!issue) throw notFound('PatrolIssue', issueId, 'issueId');
  if (issue.resolved) throw conflict('the finding is resolved already', { field: 'issueId' });
  if (unitId && issue.unitId && unitId !== issue.unitId) throw badInput('the finding names another dwelling', { field: 'unitId' });
  const dwellingId = unitId ?? issue.unitId;
  if (!dwellingId) throw badInput('the finding names no dwelling: give the dwelling (unitId)', { field: 'unitId' });
  const { building } = await requireUnitWithin(ctx, dwellingId, { buildingId: issue.buildingId, estateId: patrol.estateId });
  await ctx.peers.requireEntities('civil-affairs', 'Resident', [reporterId], 'reporterId');
  const order = {
    category: PATROL_ORDER_CATEGORY[issue.category],
    description: issue.description,
    reporterId,
    unitId: dwellingId,
    estateId: building.estateId,
    note: '管家吹哨：巡查发现问题转物业工单',
  };
  return insertRaisedOnce(ctx, patrolOrderId(issueId), order, 'issueId');
}
