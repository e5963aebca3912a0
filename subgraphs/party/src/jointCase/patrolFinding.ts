import { assertId, badInput, conflict, isDuplicateKey, notFound, stableId } from '@cg/kit';
import type { DepartmentContext } from '@cg/kit';
import type { PatrolFindingInput } from '../generated/resolvers-types';
import type { JointCaseDoc } from '../models/JointCase';
import type { Models } from '../models';

type Ctx = Pick<DepartmentContext<Models, unknown>, 'peers'>;

/** A steward's patrol finding (管家吹哨) as property answers for it, through federation. */
export interface PatrolFinding {
  patrolId: string;
  patrolIssueId: string;
  unitId: string | null;
  buildingId: string | null;
}
interface PatrolView {
  issues: Array<{ id: string; resolved: boolean; building: { id: string } | null; unit: { id: string } | null }>;
}

/** The case a finding raised has an id derived from the finding: at most one, and the finding finds it by id. */
export const patrolCaseId = (issueId: string) => stableId('patrol-case', issueId);

/** The finding must exist at property and still be open; a resolved one raises no case. */
export async function requirePatrolFinding(ctx: Ctx, input: PatrolFindingInput): Promise<PatrolFinding> {
  const patrolId = assertId(input.patrolId, 'patrolFinding.patrolId');
  const issueId = assertId(input.issueId, 'patrolFinding.issueId');
  const [patrol] = (await ctx.peers.entities('property', 'EstatePatrol', [patrolId], 'issues { id resolved building { id } unit { id } }')) as Array<PatrolView | null>;
  if (!patrol) throw notFound('EstatePatrol', patrolId, 'patrolFinding.patrolId');
  const issue = patrol.issues.find((i) => i.id === issueId);
  if (!issue) throw notFound('PatrolIssue', issueId, 'patrolFinding.issueId');
  if (issue.resolved) throw conflict('the finding is resolved already', { field: 'patrolFinding.issueId' });
  return { patrolId, patrolIssueId: issueId, unitId: issue.unit?.id ?? null, buildingId: issue.building?.id ?? null };
}

/** The case's place: the finding's own when it names one (a different place given is refused), else the one given. */
export function findingPlace(finding: PatrolFinding, unitId: string | null, buildingId: string | null) {
  if (!finding.unitId && !finding.buildingId) return { unitId, buildingId };
  if ((unitId && unitId !== finding.unitId) || (buildingId && buildingId !== finding.buildingId)) {
    throw badInput('the finding names its own place: leave unitId and buildingId out or give the same', { field: unitId ? 'unitId' : 'buildingId' });
  }
  return finding.unitId ? { unitId: finding.unitId, buildingId: null } : { unitId: null, buildingId: finding.buildingId };
}

/** Inserts the case a finding raises under its derived id: a second case from the same finding is a CONFLICT naming the first. */
export async function insertFindingCase(models: Models, finding: PatrolFinding, doc: Record<string, unknown>): Promise<JointCaseDoc> {
  const _id = patrolCaseId(finding.patrolIssueId);
  try {
    const created = await models.JointCase.create({ _id, ...doc, patrolId: finding.patrolId, patrolIssueId: finding.patrolIssueId });
    return created.toObject() as unknown as JointCaseDoc;
  } catch (error) {
    if (isDuplicateKey(error)) throw conflict('this finding has raised a joint case already', { field: 'patrolFinding.issueId', jointCaseId: _id });
    throw error;
  }
}
