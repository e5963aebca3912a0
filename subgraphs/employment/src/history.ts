import { actor, assertId, badInput, createOnce, notFound, optionalId, optionalText, requireDate, requireEnum } from '@cg/kit';
import type { Context } from './context';
import { requireNotBefore } from './inputs';
import { EMPLOYMENT_STATUSES } from './models/enums';
import type { EmploymentRecordDoc } from './models/EmploymentRecord';
import type { RecordEmploymentStatusInput } from './generated/resolvers-types';
import { residentPlace } from './residentPlace';

type RecordLike = { _id: string; since: string; recordedAt?: Date | null };

/** Oldest first: by start date, then by when it was recorded (two changes on one day keep their order). */
function byStart(a: RecordLike, b: RecordLike): number {
  return a.since.localeCompare(b.since) || (a.recordedAt?.getTime() ?? 0) - (b.recordedAt?.getTime() ?? 0);
}

/** The current status: the record that began last; null when the resident was never registered. */
export function latestRecord<T extends RecordLike>(records: readonly T[]): T | null {
  return records.reduce<T | null>((latest, r) => (!latest || byStart(r, latest) > 0 ? r : latest), null);
}

/** A record's end: the start of the record after it (the history is contiguous). */
export function untilOf(record: RecordLike, siblings: readonly RecordLike[]): string | null {
  const ordered = [...siblings].sort(byStart);
  const at = ordered.findIndex((r) => r._id === record._id);
  return at >= 0 && at < ordered.length - 1 ? ordered[at + 1]!.since : null;
}

/** A change of status (就业状态登记), after the resident's latest record; an employer only (and always) when employed. */
export async function recordEmploymentStatus(ctx: Context, input: RecordEmploymentStatusInput): Promise<EmploymentRecordDoc> {
  const residentId = assertId(input.residentId, 'residentId');
  const status = requireEnum(input.status, EMPLOYMENT_STATUSES, 'status');
  const employerId = optionalId(input.employerId, 'employerId');
  const since = requireDate(input.since, 'since');
  const note = optionalText(input.note, 'note', 500);
  if (status === 'EMPLOYED' && !employerId) throw badInput('employerId is required when the status is EMPLOYED', { field: 'employerId' });
  if (status !== 'EMPLOYED' && employerId) throw badInput('employerId is only for the status EMPLOYED', { field: 'employerId' });
  if (employerId && !(await ctx.loaders.employer.load(employerId))) throw notFound('Employer', employerId, 'employerId');
  const place = await residentPlace(ctx, residentId, 'residentId');

  const latest = latestRecord((await ctx.models.EmploymentRecord.find({ residentId }).lean()) as EmploymentRecordDoc[]);
  const doc = { residentId, status, employerId, since, note };
  if (latest) requireNotBefore(since, latest.since, 'since', "the resident's latest record");
  const { doc: record } = await createOnce<EmploymentRecordDoc>(
    ctx.models.EmploymentRecord,
    { ...doc, ...place, recordedBy: actor(ctx), recordedAt: new Date() },
    {
      idempotencyKey: input.idempotencyKey,
      caller: actor(ctx),
      input: doc,
    },
  );
  return record;
}
