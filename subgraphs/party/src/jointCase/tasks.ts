import { assertId, badInput, conflict, notFound, trusted } from '@cg/kit';
import type { CaseTask, JointCaseDoc, TaskRole } from '../models/JointCase';
import type { ResponseUnitDoc } from '../models/ResponseUnit';
import type { Models } from '../models';

/** Helpers on the per-unit tasks (每个单位各自接单、回单) kept inside the case document. */
const ACTIVE: ReadonlyArray<CaseTask['status']> = ['PENDING', 'ACCEPTED', 'RESOLVED'];
export const isActive = (t: CaseTask) => ACTIVE.includes(t.status);
export const leadTask = (doc: Pick<JointCaseDoc, 'tasks'>) => doc.tasks.find((t) => t.role === 'LEAD' && isActive(t));

/** The unit's live task on the case; BAD_USER_INPUT naming `unitId` when the unit has none. */
export function activeTask(doc: JointCaseDoc, unitId: string): CaseTask {
  const task = doc.tasks.find((t) => t.unitId === unitId && isActive(t));
  if (!task) throw badInput(`unit ${unitId} has no open task on this case`, { field: 'unitId', reason: 'NO_TASK' });
  return task;
}

/** The tasks with `unitId`'s live task replaced by `change(task)`. */
export const updateTask = (doc: JointCaseDoc, unitId: string, change: (t: CaseTask) => CaseTask) => doc.tasks.map((t) => (t.unitId === unitId && isActive(t) ? change(t) : t));

export const newTask = (unit: ResponseUnitDoc, role: TaskRole, at: Date): CaseTask => ({
  unitId: unit._id,
  unitName: unit.name,
  unitKind: unit.kind,
  department: unit.department,
  role,
  status: 'PENDING',
  assignedAt: at,
  acceptedAt: null,
  resolvedAt: null,
  note: null,
  resolved: 0,
  onTime: 0,
});

/**
 * Units of the roster by id, in argument order, for new work on a case: NOT_FOUND naming `field` for one that does
 * not exist, duplicates refused, an archived unit (已归档) CONFLICT.
 */
export async function loadUnits(models: Models, ids: unknown[], field: string): Promise<ResponseUnitDoc[]> {
  const checked = ids.map((id) => assertId(id, field));
  if (new Set(checked).size !== checked.length) throw badInput(`${field} names a unit twice`, { field });
  if (checked.length === 0) return [];
  const docs = (await models.ResponseUnit.find({ _id: trusted({ $in: checked }) }).lean()) as unknown as ResponseUnitDoc[];
  return checked.map((id) => {
    const unit = docs.find((d) => d._id === id);
    if (!unit) throw notFound('ResponseUnit', id, field);
    if (unit.archivedAt) throw conflict(`unit ${unit.name} is archived (已归档) and takes no new work`, { field, reason: 'ARCHIVED' });
    return unit;
  });
}

/** Units must belong to the case's community (the community party organisation dispatches only its own roster). */
export function requireSameCommunity(units: ResponseUnitDoc[], doc: Pick<JointCaseDoc, 'communityId'>, field: string): void {
  const stranger = units.find((u) => u.communityId !== doc.communityId);
  if (stranger) throw badInput(`unit ${stranger.name} does not serve this case's community`, { field });
}
