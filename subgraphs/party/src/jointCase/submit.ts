import { assertId, badInput, createOnce, notFound, requireNonBlank, type DepartmentContext } from '@cg/kit';
import { authorizeStep } from './authorize';
import { findingPlace, insertFindingCase, requirePatrolFinding } from './patrolFinding';
import { loadUnits } from './tasks';
import type { SubmitJointCaseInput } from '../generated/resolvers-types';
import { dueAt } from './timeLimits';
import { emptyFlags, type CaseEvent, type JointCaseDoc } from '../models/JointCase';
import type { Models } from '../models';

type Ctx = Pick<DepartmentContext<Models, unknown>, 'identity' | 'peers' | 'models'>;

/**
 * Where the case is: a dwelling (Unit) or a Building, asked of property, and the building's Grid and its Community,
 * asked of civil affairs — through federation, never their databases.
 */
async function locate(ctx: Ctx, unitId: string | null, buildingId: string | null) {
  let building: { id: string; grid: { id: string } } | null;
  if (unitId) {
    const [unit] = (await ctx.peers.entities('property', 'Unit', [unitId], 'id building { id grid { id } }')) as Array<{ building: NonNullable<typeof building> } | null>;
    if (!unit) throw notFound('Unit', unitId, 'unitId');
    building = unit.building;
  } else {
    [building] = (await ctx.peers.entities('property', 'Building', [buildingId!], 'id grid { id }')) as Array<typeof building>;
    if (!building) throw notFound('Building', buildingId!, 'buildingId');
  }
  const gridId = building!.grid.id;
  const [grid] = (await ctx.peers.entities('civil-affairs', 'Grid', [gridId], 'id community { id }')) as Array<{ community: { id: string } } | null>;
  if (!grid) throw notFound('Grid', gridId, 'buildingId');
  return { buildingId: building!.id, gridId, communityId: grid.community.id };
}

/** 点单: a resident (or the community on their behalf) submits a case; everything is checked before the one insert. */
export async function submitJointCase(ctx: Ctx, input: SubmitJointCaseInput): Promise<JointCaseDoc> {
  const reporterId = assertId(input.reporterId, 'reporterId');
  const given = { unitId: input.unitId == null ? null : assertId(input.unitId, 'unitId'), buildingId: input.buildingId == null ? null : assertId(input.buildingId, 'buildingId') };
  // 管家吹哨: a steward's finding (asked of property) raises the case and gives its place.
  const finding = input.patrolFinding ? await requirePatrolFinding(ctx, input.patrolFinding) : null;
  const { unitId, buildingId } = finding ? findingPlace(finding, given.unitId, given.buildingId) : given;
  if (!unitId === !buildingId) throw badInput('give exactly one place: unitId (a dwelling) or buildingId', { field: 'unitId' });
  const description = requireNonBlank(input.description, 'description');
  const urgency = input.urgency ?? 'NORMAL'; // the SDL's default, for a caller that is not GraphQL
  const [firstReceiver] = input.firstReceiverUnitId ? await loadUnits(ctx.models, [input.firstReceiverUnitId], 'firstReceiverUnitId') : [];
  await ctx.peers.requireEntities('civil-affairs', 'Resident', [reporterId], 'reporterId');
  const place = await locate(ctx, unitId, buildingId);
  authorizeStep('SUBMIT', ctx.identity, { reporterId, ...place, tasks: [] });
  if (firstReceiver && firstReceiver.communityId !== place.communityId) {
    throw badInput('the first receiver does not serve this community', { field: 'firstReceiverUnitId' });
  }

  const submittedAt = new Date();
  const event: CaseEvent = {
    at: submittedAt,
    by: ctx.identity?.subject ?? null,
    role: ctx.identity?.role ?? null,
    step: 'SUBMIT',
    from: null,
    to: 'SUBMITTED',
    note: finding ? '管家吹哨：巡查发现问题' : null,
  };
  const fields = {
    reporterId,
    unitId,
    ...place,
    category: input.category,
    urgency,
    description,
    firstReceiverUnitId: firstReceiver?._id ?? null,
    status: 'SUBMITTED',
    version: 1,
    submittedAt,
    dueAt: dueAt(input.category, urgency, submittedAt),
    history: [event],
    m: emptyFlags(),
  };
  if (finding) return insertFindingCase(ctx.models, finding, fields);
  const { doc } = await createOnce<JointCaseDoc>(ctx.models.JointCase, fields, {
    idempotencyKey: input.idempotencyKey,
    caller: ctx.identity?.subject,
    input: { reporterId, unitId, buildingId, category: input.category, urgency, description, firstReceiver: firstReceiver?._id },
  });
  return doc;
}
