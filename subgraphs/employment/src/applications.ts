import { actor, assertId, conflict, createOnce, idempotentId, notFound, optionalText, requireDate, requireEnum, stableId, trusted } from '@cg/kit';
import type { Context } from './context';
import { ACTIVE_APPLICATION_STATUSES, canMove, type ApplicationStatus } from './applicationRules';
import { latestRecord } from './history';
import { locked } from './locks';
import { requireNotBefore } from './inputs';
import { APPLICATION_STATUSES } from './models/enums';
import type { EmploymentRecordDoc } from './models/EmploymentRecord';
import type { JobApplicationDoc } from './models/JobApplication';
import type { JobPostingDoc } from './models/JobPosting';
import type { AdvanceJobApplicationInput, ApplyForJobInput } from './generated/resolvers-types';
import { residentPlace } from './residentPlace';

/** A resident applies to an open posting: everything is checked (the resident at civil affairs) before the insert. */
export async function applyForJob(ctx: Context, input: ApplyForJobInput): Promise<JobApplicationDoc> {
  const postingId = assertId(input.postingId, 'postingId');
  const residentId = assertId(input.residentId, 'residentId');
  const appliedOn = requireDate(input.appliedOn, 'appliedOn');
  const note = optionalText(input.note, 'note', 500);
  const posting = (await ctx.models.JobPosting.findById(postingId).lean()) as JobPostingDoc | null;
  if (!posting) throw notFound('JobPosting', postingId, 'postingId');
  requireNotBefore(appliedOn, posting.postedOn, 'appliedOn', 'the posting date');
  await ctx.peers.requireEntities('civil-affairs', 'Resident', [residentId], 'residentId');

  const active = (await ctx.models.JobApplication.findOne({ postingId, residentId, status: trusted({ $in: ACTIVE_APPLICATION_STATUSES }) }).lean()) as JobApplicationDoc | null;
  if (active) {
    // A retry of the request that created it answers the same record; anything else is a second application.
    if (input.idempotencyKey && active._id === idempotentId(ctx.models.JobApplication, input.idempotencyKey, actor(ctx))) return active;
    throw conflict('the resident already has an active application to this posting', { field: 'residentId', applicationId: active._id });
  }
  if (posting.status !== 'OPEN' || posting.openings < 1) {
    throw conflict(`posting ${postingId} is not taking applications (${posting.status})`, { field: 'postingId' });
  }
  const { doc } = await createOnce<JobApplicationDoc>(
    ctx.models.JobApplication,
    {
      postingId,
      employerId: posting.employerId,
      residentId,
      status: 'APPLIED',
      appliedOn,
      lastStepOn: appliedOn,
      history: [{ status: 'APPLIED', on: appliedOn, note, by: actor(ctx) }],
    },
    { idempotencyKey: input.idempotencyKey, caller: actor(ctx), input: { postingId, residentId, appliedOn, note } },
  );
  return doc;
}

/**
 * Moves an application to its next stage with one conditional update on the state that was read (status and the
 * latest step's date): an illegal or concurrent move changes nothing and answers CONFLICT.
 */
export async function advanceJobApplication(ctx: Context, input: AdvanceJobApplicationInput): Promise<JobApplicationDoc> {
  const id = assertId(input.applicationId, 'applicationId');
  const to = requireEnum(input.status, APPLICATION_STATUSES, 'status') as ApplicationStatus;
  const on = requireDate(input.on, 'on');
  const note = optionalText(input.note, 'note', 500);
  return locked(ctx, 'application', id, async () => {
    const application = (await ctx.models.JobApplication.findById(id).lean()) as JobApplicationDoc | null;
    if (!application) throw notFound('JobApplication', id, 'applicationId');
    const from = application.status as ApplicationStatus;
    if (!canMove(from, to)) throw conflict(`an application cannot move from ${from} to ${to}`, { field: 'status', from, to });
    requireNotBefore(on, application.lastStepOn, 'on', 'the previous step');
    if (to === 'PLACED') return place(ctx, application, on, note);
    return moveOrConflict(ctx, application, to, on, note, {});
  });
}

async function moveOrConflict(ctx: Context, application: JobApplicationDoc, to: ApplicationStatus, on: string, note: string | undefined, extra: Record<string, unknown>) {
  const moved = (await ctx.models.JobApplication.findOneAndUpdate(
    { _id: application._id, status: application.status, lastStepOn: application.lastStepOn },
    { $set: { status: to, lastStepOn: on, ...extra }, $push: { history: { status: to, on, note, by: actor(ctx) } } },
    { returnDocument: 'after' },
  ).lean()) as JobApplicationDoc | null;
  if (!moved) throw conflict('the application changed meanwhile; read it again', { field: 'applicationId' });
  return moved;
}

/**
 * Placement (安置就业): takes one opening of the posting (conditional $inc, never below zero, at most once per
 * application), then moves the application to PLACED; if that move loses a race the opening is given back. The
 * resident's new status is recorded under an id derived from the application, so a retry adds no second record.
 */
async function place(ctx: Context, application: JobApplicationDoc, on: string, note: string | undefined) {
  const { JobPosting, EmploymentRecord } = ctx.models;
  const records = await EmploymentRecord.find({ residentId: application.residentId }).lean();
  const latest = latestRecord(records as EmploymentRecordDoc[]);
  if (latest) requireNotBefore(on, latest.since, 'on', "the resident's latest employment record");
  // Asked before the opening is taken: a failed question then changes nothing.
  const where = await residentPlace(ctx, application.residentId, 'applicationId');

  const postingId = application.postingId;
  const taken = (await locked(ctx, 'posting', postingId, () =>
    JobPosting.findOneAndUpdate(
      { _id: postingId, openings: trusted({ $gte: 1 }), placedApplicationIds: trusted({ $ne: application._id }) },
      { $inc: { openings: -1 }, $push: { placedApplicationIds: application._id } },
      { returnDocument: 'after' },
    ).lean(),
  )) as JobPostingDoc | null;
  if (!taken) {
    const posting = (await JobPosting.findById(application.postingId).lean()) as JobPostingDoc | null;
    if (!posting?.placedApplicationIds?.includes(application._id)) {
      throw conflict('the posting has no opening left', { field: 'applicationId', postingId: application.postingId });
    }
    // Else an earlier attempt took the opening and stopped: carry on from there.
  }
  let placed: JobApplicationDoc;
  try {
    placed = await moveOrConflict(ctx, application, 'PLACED', on, note, { placedOn: on });
  } catch (error) {
    const now = (await ctx.models.JobApplication.findById(application._id).lean()) as JobApplicationDoc | null;
    // A concurrent retry finished this very placement: the opening is rightly taken.
    if (now?.status === 'PLACED') return now;
    // Only the call that took the opening gives it back.
    if (!taken) throw error;
    await locked(ctx, 'posting', postingId, async () => {
      await JobPosting.updateOne({ _id: postingId, placedApplicationIds: application._id }, { $inc: { openings: 1 }, $pull: { placedApplicationIds: application._id } });
      await JobPosting.updateOne({ _id: postingId, status: 'FILLED', openings: trusted({ $gte: 1 }) }, { $set: { status: 'OPEN' } });
    });
    throw error;
  }
  await locked(ctx, 'posting', postingId, () => JobPosting.updateOne({ _id: postingId, status: 'OPEN', openings: 0 }, { $set: { status: 'FILLED' } }));
  await EmploymentRecord.updateOne(
    { _id: stableId('placement', application._id) },
    {
      $setOnInsert: {
        residentId: application.residentId,
        ...where,
        status: 'EMPLOYED',
        employerId: application.employerId,
        since: on,
        applicationId: application._id,
        recordedBy: actor(ctx),
        recordedAt: new Date(),
      },
    },
    { upsert: true },
  );
  return placed;
}
