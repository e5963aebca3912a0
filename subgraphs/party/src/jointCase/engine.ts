import { createHash } from 'node:crypto';
import { assertId, badInput, conflict, isDuplicateKey, notFound, stableId, trusted, type Identity } from '@cg/kit';
import { authorizeStep } from './authorize';
import { caseSource, EVENT_STEPS, withOutbox } from '../events/outbox';
import { allowedFrom, RULES, transition, type Status, type Step } from './lifecycle';
import type { CaseEvent, JointCaseDoc } from '../models/JointCase';
import type { Models } from '../models';

/** What every step mutation receives besides its own arguments. */
export interface StepArgs {
  id: unknown;
  expectedVersion: number;
  idempotencyKey?: string | null;
}

/** What a step does to the case, computed from the current document (pure; validation throws before any write). */
interface StepPlan {
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
 * Applies one step to one case atomically: read, check idempotency, version, legality, plan, authority; claim the
 * version (see JointCaseStep); then a single findOneAndUpdate filtered on `{ _id, version, status ∈ allowedFrom }`
 * that sets, appends the event and records the idempotency key. Anything that throws before that write changes
 * nothing (a claimed version is released when the update does not happen).
 */
export async function applyStep(
  ctx: StepContext,
  step: Step,
  args: StepArgs,
  input: unknown,
  plan: (doc: JointCaseDoc, now: Date) => StepPlan,
  alternatives: Step[] = [],
): Promise<JointCaseDoc> {
  const id = assertId(args.id);
  const key = checkKey(args.idempotencyKey);
  if (!Number.isInteger(args.expectedVersion) || args.expectedVersion < 1) throw badInput('expectedVersion must be a positive integer', { field: 'expectedVersion' });
  const print = fingerprint({ step, input });
  const doc = (await ctx.models.JointCase.findById(id).lean()) as JointCaseDoc | null;
  if (!doc) throw notFound('JointCase', id);
  if (priorApplication(doc, key, print)) return doc;
  if (doc.version !== args.expectedVersion) throw stale(doc);
  // Legality first (of the step or any form the plan may pick), so an illegal step never reaches the plan's checks.
  const forms = [step, ...alternatives];
  if (!forms.some((f) => (RULES[f].from as readonly Status[]).includes(doc.status))) transition(step, doc.status);

  const now = new Date();
  const p = plan(doc, now);
  const rule = p.rule ?? step;
  authorizeStep(rule, ctx.identity, doc, p.unitDepartment);
  const to: Status = transition(rule, doc.status);
  try {
    await claimVersion(ctx, doc, rule, key, now, print);
  } catch (error) {
    if (error instanceof AlreadyApplied) return error.doc;
    throw error;
  }
  const event: CaseEvent = {
    at: now,
    by: ctx.identity?.subject ?? null,
    role: ctx.identity?.role ?? null,
    step: rule,
    from: doc.status,
    to,
    unitId: p.unitId ?? null,
    note: p.note ?? null,
  };
  let updated: JointCaseDoc | null;
  try {
    const write = async () =>
      (await ctx.models.JointCase.findOneAndUpdate(
        { _id: id, version: doc.version, status: trusted({ $in: [...allowedFrom(rule)] }) },
        {
          $set: { ...p.set, status: to },
          $inc: { version: 1 },
          $push: { ...p.push, history: event, ...(key ? { appliedKeys: { key, fingerprint: print } } : {}) },
        },
        { returnDocument: 'after' },
      ).lean()) as JointCaseDoc | null;
    // A step partners are told about goes through the outbox (events/outbox.ts): its event exists iff the step does.
    updated = EVENT_STEPS.includes(rule) ? await withOutbox(ctx.models, caseSource, id, String(doc.version), write) : await write();
  } catch (error) {
    await releaseVersion(ctx, doc);
    throw error;
  }
  if (updated) return updated;
  await releaseVersion(ctx, doc);
  throw stale(((await ctx.models.JointCase.findById(id).lean()) as JointCaseDoc | null) ?? doc);
}

/** A claim older than this whose case never moved was left by a step that died between claim and update. */
const ORPHAN_MS = 30_000;
const claimId = (doc: JointCaseDoc) => stableId('joint-case-step', doc._id, doc.version);

/** Claims the case's current version for this step; the loser of a race gets the winner's result (same key) or CONFLICT. */
async function claimVersion(ctx: StepContext, doc: JointCaseDoc, step: Step, key: string | null, now: Date, print: string, retry = true): Promise<void> {
  try {
    await ctx.models.JointCaseStep.create({ _id: claimId(doc), caseId: doc._id, version: doc.version, step, by: ctx.identity?.subject ?? null, idempotencyKey: key, at: now });
    return;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  const current = (await ctx.models.JointCase.findById(doc._id).lean()) as JointCaseDoc | null;
  if (current && priorApplication(current, key, print)) throw new AlreadyApplied(current);
  const claim = (await ctx.models.JointCaseStep.findById(claimId(doc)).lean()) as { at: Date } | null;
  if (retry && current?.version === doc.version && claim && now.getTime() - new Date(claim.at).getTime() > ORPHAN_MS) {
    await ctx.models.JointCaseStep.deleteOne({ _id: claimId(doc), at: claim.at });
    return claimVersion(ctx, doc, step, key, now, print, false);
  }
  throw stale(current ?? doc);
}

/** Gives the version back after a failed update, so the case is not stuck. */
async function releaseVersion(ctx: StepContext, doc: JointCaseDoc): Promise<void> {
  await ctx.models.JointCaseStep.deleteOne({ _id: claimId(doc) }).catch(() => undefined);
}

/** Thrown inside claimVersion when a concurrent retry with the same key already applied the step. */
class AlreadyApplied extends Error {
  constructor(readonly doc: JointCaseDoc) {
    super('already applied');
  }
}

const stale = (doc: JointCaseDoc) =>
  conflict(`the case changed (now version ${doc.version}, ${doc.status}); reload and retry`, { field: 'expectedVersion', currentVersion: doc.version, status: doc.status });
