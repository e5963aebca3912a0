import { createHash } from 'node:crypto';
import { assertId, badInput, conflict, notFound, trusted, type Identity } from '@cg/kit';
import { authorizeStep } from './jointCaseAuthorize';
import { allowedFrom, transition, type Status, type Step } from './jointCaseLifecycle';
import type { CaseEvent, JointCaseDoc } from './models/JointCase';
import type { Models } from './models';

/** What every step mutation receives besides its own arguments. */
export interface StepArgs {
  id: unknown;
  expectedVersion: number;
  idempotencyKey?: string | null;
}

/** What a step does to the case, computed from the current document (pure; validation throws before any write). */
export interface StepPlan {
  /** The rule applied; defaults to the step named. Lets one mutation pick e.g. RATE or RATE_POOR. */
  rule?: Step;
  set?: Record<string, unknown>;
  push?: Record<string, unknown>;
  note?: string | null;
  unitId?: string | null;
  /** Department of the unit the step names, for authorisation. */
  unitDepartment?: string;
}

export interface StepContext {
  identity: Identity | null;
  models: Models;
}

const fingerprint = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

function checkKey(key: string | null | undefined): string | null {
  if (key == null) return null;
  if (!/^[\w.:-]{8,128}$/.test(key)) throw badInput('idempotencyKey must be 8–128 characters of letters, digits, _ . : -', { field: 'idempotencyKey' });
  return key;
}

/** A retried step (same key) returns the case as it is, without a second event; the same key for another step is a CONFLICT. */
function priorApplication(doc: JointCaseDoc, key: string | null, print: string): boolean {
  const prior = key ? doc.appliedKeys.find((k) => k.key === key) : undefined;
  if (prior && prior.fingerprint !== print) throw conflict('idempotencyKey was already used for a different step', { field: 'idempotencyKey' });
  return !!prior;
}

/**
 * Applies one step to one case atomically: read, check idempotency, version, authority and legality, plan, then a
 * single findOneAndUpdate filtered on `{ _id, version, status ∈ allowedFrom }` that sets, appends the event and
 * records the idempotency key. Anything that throws before that write changes nothing.
 */
export async function applyStep(
  ctx: StepContext,
  step: Step,
  args: StepArgs,
  input: unknown,
  plan: (doc: JointCaseDoc, now: Date) => StepPlan,
): Promise<JointCaseDoc> {
  const id = assertId(args.id);
  const key = checkKey(args.idempotencyKey);
  if (!Number.isInteger(args.expectedVersion) || args.expectedVersion < 1) throw badInput('expectedVersion must be a positive integer', { field: 'expectedVersion' });
  const print = fingerprint({ step, input });
  const doc = (await ctx.models.JointCase.findById(id).lean()) as JointCaseDoc | null;
  if (!doc) throw notFound('JointCase', id);
  if (priorApplication(doc, key, print)) return doc;
  if (doc.version !== args.expectedVersion) throw stale(doc);

  const now = new Date();
  const p = plan(doc, now);
  const rule = p.rule ?? step;
  authorizeStep(rule, ctx.identity, doc, p.unitDepartment);
  const to: Status = transition(rule, doc.status);
  const event: CaseEvent = {
    at: now, by: ctx.identity?.subject ?? null, role: ctx.identity?.role ?? null, step: rule, from: doc.status, to, unitId: p.unitId ?? null, note: p.note ?? null,
  };
  const updated = (await ctx.models.JointCase.findOneAndUpdate(
    { _id: id, version: args.expectedVersion, status: trusted({ $in: [...allowedFrom(rule)] }) },
    {
      $set: { ...p.set, status: to },
      $inc: { version: 1 },
      $push: { ...p.push, history: event, ...(key ? { appliedKeys: { key, fingerprint: print } } : {}) },
    },
    { returnDocument: 'after' },
  ).lean()) as JointCaseDoc | null;
  if (updated) return updated;
  // Lost the race: either our own retry got there first (same key) or someone else moved the case.
  const now2 = (await ctx.models.JointCase.findById(id).lean()) as JointCaseDoc | null;
  if (now2 && priorApplication(now2, key, print)) return now2;
  throw stale(now2 ?? doc);
}

const stale = (doc: JointCaseDoc) =>
  conflict(`the case changed (now version ${doc.version}, ${doc.status}); reload and retry`, { field: 'expectedVersion', currentVersion: doc.version, status: doc.status });
