import { assertId, badInput, notFound, requireDateTime, requireEnum, requireNonBlank } from '@cg/kit';
import type { Context } from '../context';
import type { AgendaItemInput, MeetingTaskInput } from '../generated/resolvers-types';
import { loadUnits } from '../jointCase/tasks';
import { CATEGORIES } from '../jointCase/timeLimits';
import { AGENDA_SOURCES, type AgendaItemDoc } from '../models/Meeting';
import type { ResponseUnitDoc } from '../models/ResponseUnit';

/** Bounds the SDL states for a meeting's lists. */
export const MAX_UNITS = 100;
const MAX_ITEMS = 50;

function bounded<T>(list: readonly T[], field: string, max: number, min = 0): readonly T[] {
  if (list.length > max) throw badInput(`${field} holds at most ${max}`, { field });
  if (list.length < min) throw badInput(`${field} needs at least ${min}`, { field });
  return list;
}

/** When a meeting was held: a date-time with zone, not in the future, not before `notBefore`. */
export function heldAtOf(value: string, notBefore?: Date): Date {
  const heldAt = requireDateTime(value, 'heldAt');
  if (heldAt.getTime() > Date.now()) throw badInput('heldAt is in the future: a meeting is recorded once held', { field: 'heldAt' });
  if (notBefore && heldAt < notBefore) throw badInput('heldAt comes before what the meeting is about', { field: 'heldAt' });
  return heldAt;
}

export const decisionsOf = (decisions: readonly string[]) => bounded(decisions, 'decisions', MAX_ITEMS).map((d) => requireNonBlank(d, 'decisions', 500));

export async function unitsOf(ctx: Context, ids: readonly string[], field: string, min = 0): Promise<ResponseUnitDoc[]> {
  return loadUnits(ctx.models, [...bounded(ids, field, MAX_UNITS, min)], field);
}

export interface PlannedTask {
  unit: ResponseUnitDoc;
  description: string;
  dueAt: Date;
}

/** Tasks: units of the roster (of `allowed` when given), a description, a limit not before the meeting. */
export async function tasksOf(ctx: Context, tasks: readonly MeetingTaskInput[], heldAt: Date, min: number, allowed?: readonly string[]): Promise<PlannedTask[]> {
  bounded(tasks, 'tasks', MAX_UNITS, min);
  const units = await loadUnits(ctx.models, [...new Set(tasks.map((t) => t.unitId))], 'tasks.unitId');
  const outsider = allowed && units.find((u) => !allowed.includes(u._id));
  if (outsider) throw badInput(`${outsider.name} is not a member unit of this body`, { field: 'tasks.unitId' });
  return tasks.map((t) => {
    const dueAt = requireDateTime(t.dueAt, 'tasks.dueAt');
    if (dueAt < heldAt) throw badInput('a task is due before the meeting was held', { field: 'tasks.dueAt' });
    return { unit: units.find((u) => u._id === t.unitId)!, description: requireNonBlank(t.description, 'tasks.description', 500), dueAt };
  });
}

/** What each agenda source must name; references into this department are checked to exist. */
const NEEDS: Record<AgendaItemDoc['source'], ReadonlyArray<keyof AgendaItemInput>> = {
  PUBLIC_SENTIMENT: ['gridId', 'category'],
  GOVERNMENT_LEDGER: ['unitId'],
  PROBLEM_LIST: ['category'],
  RESPONSIBILITY_LIST: ['unitId'],
  JOINT_CASE: ['caseId'],
  ESCALATION: ['escalationId'],
  DELIBERATION: ['deliberationId'],
  OTHER: [],
};

export async function agendaOf(ctx: Context, items: readonly AgendaItemInput[]): Promise<AgendaItemDoc[]> {
  bounded(items, 'agenda', MAX_ITEMS);
  const out: AgendaItemDoc[] = [];
  for (const item of items) {
    const source = requireEnum(item.source, AGENDA_SOURCES, 'agenda.source');
    const doc: AgendaItemDoc = { source, title: requireNonBlank(item.title, 'agenda.title', 200) };
    for (const key of NEEDS[source]) {
      const value = item[key];
      if (value == null) throw badInput(`a ${source} agenda item names its ${key}`, { field: `agenda.${key}` });
      if (key === 'category') doc.category = requireEnum(value, CATEGORIES, 'agenda.category');
      else if (key !== 'source' && key !== 'title') doc[key] = assertId(value, `agenda.${key}`);
    }
    if (doc.caseId && !(await ctx.models.JointCase.exists({ _id: doc.caseId }))) throw notFound('JointCase', doc.caseId, 'agenda.caseId');
    if (doc.escalationId && !(await ctx.models.Escalation.exists({ _id: doc.escalationId }))) throw notFound('Escalation', doc.escalationId, 'agenda.escalationId');
    if (doc.unitId) await loadUnits(ctx.models, [doc.unitId], 'agenda.unitId');
    if (doc.gridId) await ctx.peers.requireEntities('civil-affairs', 'Grid', [doc.gridId], 'agenda.gridId');
    out.push(doc);
  }
  return out;
}
