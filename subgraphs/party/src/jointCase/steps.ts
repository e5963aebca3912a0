import { assertId, badInput, notFound, requireNonBlank, requireRange } from '@cg/kit';
import { applyStep, type StepArgs, type StepContext } from './engine';
import { activeTask, leadTask, loadUnits, newTask, requireSameCommunity, updateTask } from './tasks';
import type { CaseTask, JointCaseDoc } from '../models/JointCase';

/**
 * The case's steps (派单 接单 办单 回单 审定 评单 and the side paths). Each validates its own arguments, then hands
 * the engine a plan computed from the current document; the engine decides legality, authority and atomicity.
 */
type Note = { note?: string | null };
const optionalNote = (note: string | null | undefined, field = 'note') => (note == null ? null : requireNonBlank(note, field));

/** 派单: to a lead (by default the unit that first received it, 首接负责) and helpers; earlier tasks are withdrawn. */
export async function dispatch(ctx: StepContext, args: StepArgs & Note & { leadUnitId?: string | null; helperUnitIds?: string[] | null }) {
  const note = optionalNote(args.note);
  const [lead] = args.leadUnitId ? await loadUnits(ctx.models, [args.leadUnitId], 'leadUnitId') : [];
  const helpers = await loadUnits(ctx.models, args.helperUnitIds ?? [], 'helperUnitIds');
  if (lead && helpers.some((h) => h._id === lead._id)) throw badInput('the lead unit cannot also be a helper', { field: 'helperUnitIds' });
  const firstReceiver = !lead ? await firstReceiverOf(ctx, args.id) : null;
  return applyStep(ctx, 'DISPATCH', args, { lead: lead?._id, helpers: helpers.map((h) => h._id), note }, (doc, now) => {
    const leadUnit = lead ?? firstReceiver;
    if (!leadUnit) throw badInput('name a lead unit: nobody received this case first', { field: 'leadUnitId' });
    if (helpers.some((h) => h._id === leadUnit._id)) throw badInput('the lead unit cannot also be a helper', { field: 'helperUnitIds' });
    requireSameCommunity([leadUnit, ...helpers], doc, 'leadUnitId');
    const reassigned = doc.firstReceiverUnitId && doc.firstReceiverUnitId !== leadUnit._id ? '社区改派: 首接单位不牵头' : null;
    const tasks: CaseTask[] = [
      ...doc.tasks.map((t) => (t.status === 'PENDING' || t.status === 'ACCEPTED' ? { ...t, status: 'WITHDRAWN' as const } : t)),
      newTask(leadUnit, 'LEAD', now),
      ...helpers.map((h) => newTask(h, 'HELPER', now)),
    ];
    return { set: { tasks, 'm.dispatched': 1 }, note: [note, reassigned].filter(Boolean).join('; ') || null, unitId: leadUnit._id };
  });
}

async function firstReceiverOf(ctx: StepContext, id: unknown) {
  const doc = (await ctx.models.JointCase.findById(assertId(id)).lean()) as JointCaseDoc | null;
  if (!doc?.firstReceiverUnitId) return null;
  const [unit] = await loadUnits(ctx.models, [doc.firstReceiverUnitId], 'leadUnitId');
  return unit ?? null;
}

/** 接单 of one unit's task; the lead's acceptance moves the case to ACCEPTED. */
export function acceptTask(ctx: StepContext, args: StepArgs & { unitId: string }) {
  const unitId = assertId(args.unitId, 'unitId');
  return applyStep(
    ctx,
    'ACCEPT_LEAD',
    args,
    { unitId },
    (doc, now) => {
      const task = activeTask(doc, unitId);
      if (task.status !== 'PENDING') throw badInput('the task was already accepted', { field: 'unitId', reason: 'TASK_NOT_PENDING' });
      const isLead = task.role === 'LEAD';
      return {
        rule: isLead ? 'ACCEPT_LEAD' : 'ACCEPT_HELPER',
        set: { tasks: updateTask(doc, unitId, (t) => ({ ...t, status: 'ACCEPTED', acceptedAt: now })), ...(isLead ? { 'm.responded': 1 } : {}) },
        unitId,
        unitDepartment: task.department,
      };
    },
    ['ACCEPT_HELPER'],
  );
}

/** 退单: the lead refuses the case before accepting it, with a reason; the community dispatches again. */
export function returnCase(ctx: StepContext, args: StepArgs & { reason: string }) {
  const reason = requireNonBlank(args.reason, 'reason');
  return applyStep(ctx, 'RETURN', args, { reason }, (doc) => {
    const lead = leadTask(doc);
    return { set: { tasks: doc.tasks.map((t) => (t === lead ? { ...t, status: 'RETURNED', note: reason } : t)) }, note: reason, unitId: lead?.unitId };
  });
}

/** 转单: the community names another lead; the old lead's task is withdrawn, a helper named becomes lead. */
export async function transfer(ctx: StepContext, args: StepArgs & { leadUnitId: string; reason: string }) {
  const reason = requireNonBlank(args.reason, 'reason');
  const [unit] = await loadUnits(ctx.models, [args.leadUnitId], 'leadUnitId');
  return applyStep(ctx, 'TRANSFER', args, { lead: unit!._id, reason }, (doc, now) => {
    requireSameCommunity([unit!], doc, 'leadUnitId');
    const old = leadTask(doc);
    if (old?.unitId === unit!._id) throw badInput('the unit already leads this case', { field: 'leadUnitId' });
    const withdrawn = doc.tasks.map((t) => (t === old ? { ...t, status: 'WITHDRAWN' as const } : t));
    const helper = withdrawn.find((t) => t.unitId === unit!._id && t.status !== 'WITHDRAWN' && t.status !== 'RETURNED');
    const tasks = helper
      ? withdrawn.map((t) => (t === helper ? { ...t, role: 'LEAD' as const, status: 'PENDING' as const, acceptedAt: null, resolvedAt: null, resolved: 0, onTime: 0 } : t))
      : [...withdrawn, newTask(unit!, 'LEAD', now)];
    return { set: { tasks }, note: reason, unitId: unit!._id };
  });
}

/** 办单: the lead starts work. */
export const start = (ctx: StepContext, args: StepArgs & Note) => {
  const note = optionalNote(args.note);
  return applyStep(ctx, 'START', args, { note }, () => ({ note }));
};

/** One unit reports its own part done. */
export function resolveTask(ctx: StepContext, args: StepArgs & Note & { unitId: string }) {
  const unitId = assertId(args.unitId, 'unitId');
  const note = optionalNote(args.note);
  return applyStep(ctx, 'RESOLVE_TASK', args, { unitId, note }, (doc, now) => {
    const task = activeTask(doc, unitId);
    if (task.status !== 'ACCEPTED') throw badInput(`the task is ${task.status}, not ACCEPTED`, { field: 'unitId', reason: 'TASK_NOT_ACCEPTED' });
    const onTime = now <= new Date(doc.dueAt) ? 1 : 0;
    return {
      set: { tasks: updateTask(doc, unitId, (t) => ({ ...t, status: 'RESOLVED', resolvedAt: now, note, resolved: 1, onTime })) },
      note,
      unitId,
      unitDepartment: task.department,
    };
  });
}

/** 回单: the case is reported solved (by the lead, or by the community on site); on time when by `dueAt`. */
export function resolve(ctx: StepContext, args: StepArgs & { note: string }) {
  const note = requireNonBlank(args.note, 'note');
  return applyStep(ctx, 'RESOLVE', args, { note }, (doc, now) => {
    const onTime = now <= new Date(doc.dueAt) ? 1 : 0;
    return { set: { resolvedAt: now, 'm.handled': 1, 'm.onTime': onTime, 'm.late': 1 - onTime }, note };
  });
}

/** 审定: only once the lead's task is resolved. Records whether it stayed in the grid / the community. */
export function verify(ctx: StepContext, args: StepArgs & Note) {
  const note = optionalNote(args.note);
  return applyStep(ctx, 'VERIFY', args, { note }, (doc) => {
    const lead = leadTask(doc);
    if (lead?.status !== 'RESOLVED') throw badInput('the lead unit has not resolved its task', { field: 'id', reason: 'LEAD_TASK_OPEN' });
    const transferred = doc.history.some((e) => e.step === 'TRANSFER');
    const live = doc.tasks.filter((t) => t.status !== 'WITHDRAWN' && t.status !== 'RETURNED');
    const inCommunity = doc.m.whistled ? 0 : 1;
    const inGrid = inCommunity && !transferred && live.length === 1 ? 1 : 0;
    return { set: { 'm.resolved': 1, 'm.inCommunity': inCommunity, 'm.inGrid': inGrid }, note };
  });
}

/** Reopens the lead's task for rework (返工). */
const reopenLead = (doc: JointCaseDoc) => {
  const lead = leadTask(doc);
  return doc.tasks.map((t) => (t === lead ? { ...t, status: 'ACCEPTED' as const, resolvedAt: null, resolved: 0, onTime: 0 } : t));
};

/** 审定不通过: the community sends the case back for rework. */
export function sendBack(ctx: StepContext, args: StepArgs & { note: string }) {
  const note = requireNonBlank(args.note, 'note');
  return applyStep(ctx, 'SEND_BACK', args, { note }, (doc) => ({ set: { tasks: reopenLead(doc), 'm.reworked': 1 }, note }));
}

/** 评单 by the reporter, 1–5; 2 or lower reopens the case as rework. */
export function rate(ctx: StepContext, args: StepArgs & { score: number; comment?: string | null }) {
  const score = requireRange(args.score, 'score', 1, 5);
  if (!Number.isInteger(score)) throw badInput('score must be a whole number from 1 to 5', { field: 'score' });
  const comment = optionalNote(args.comment, 'comment');
  return applyStep(
    ctx,
    'RATE',
    args,
    { score, comment },
    (doc, now) => {
      const poor = score <= 2;
      const set: Record<string, unknown> = { rating: { score, comment, at: now }, 'm.rated': 1, 'm.satisfied': poor ? 0 : 1 };
      if (poor) Object.assign(set, { tasks: reopenLead(doc), 'm.reworked': 1 });
      return { rule: poor ? 'RATE_POOR' : 'RATE', set, note: comment ?? `评分 ${score}` };
    },
    ['RATE_POOR'],
  );
}

export const close = (ctx: StepContext, args: StepArgs & Note) => {
  const note = optionalNote(args.note);
  return applyStep(ctx, 'CLOSE', args, { note }, (_doc, now) => ({ set: { closedAt: now }, note }));
};

/** 挂账 needs approval: the lead asks, the party secretary approves or rejects. */
export function requestDeferral(ctx: StepContext, args: StepArgs & { reason: string }) {
  const reason = requireNonBlank(args.reason, 'reason');
  return applyStep(ctx, 'REQUEST_DEFERRAL', args, { reason }, (_doc, now) => ({
    set: { deferral: { reason, requestedAt: now, requestedBy: ctx.identity?.subject ?? null } },
    note: reason,
  }));
}

export function decideDeferral(ctx: StepContext, args: StepArgs & Note, approved: boolean) {
  const note = optionalNote(args.note);
  return applyStep(ctx, approved ? 'APPROVE_DEFERRAL' : 'REJECT_DEFERRAL', args, { note, approved }, (doc, now) => ({
    set: { deferral: { ...doc.deferral, decidedAt: now, decidedBy: ctx.identity?.subject ?? null, approved } },
    note,
  }));
}

export const resume = (ctx: StepContext, args: StepArgs & Note) => {
  const note = optionalNote(args.note);
  return applyStep(ctx, 'RESUME', args, { note }, () => ({ note }));
};

/** 重复件: the same problem is already a case. */
export async function markDuplicate(ctx: StepContext, args: StepArgs & { duplicateOfId: string }) {
  const original = assertId(args.duplicateOfId, 'duplicateOfId');
  if (original === args.id) throw badInput('a case cannot duplicate itself', { field: 'duplicateOfId' });
  if (!(await ctx.models.JointCase.exists({ _id: original }))) {
    throw notFound('JointCase', original, 'duplicateOfId');
  }
  return applyStep(ctx, 'MARK_DUPLICATE', args, { original }, (doc) => ({
    set: { duplicateOfId: original, tasks: doc.tasks.map((t) => (t.status === 'PENDING' || t.status === 'ACCEPTED' ? { ...t, status: 'WITHDRAWN' } : t)) },
    note: `重复件 of ${original}`,
  }));
}
