import { actor, assertId, conflict, createOnce, notFound, requireDate, requireEnum, requireNonBlank, requirePhone } from '@cg/kit';
import { optionalPoint } from './nearby/geo';
import type { Context } from './context';
import { locked } from './locks';
import { requireInt } from './inputs';
import { EMPLOYER_KINDS } from './models/enums';
import type { EmployerDoc } from './models/Employer';
import type { JobPostingDoc } from './models/JobPosting';
import type { CreateEmployerInput, CreateJobPostingInput } from './generated/resolvers-types';

/** Employers, workshops (就业帮扶车间) and their postings: creation and closing. */

export async function createEmployer(ctx: Context, input: CreateEmployerInput): Promise<EmployerDoc> {
  const doc = {
    name: requireNonBlank(input.name, 'name', 100),
    kind: requireEnum(input.kind, EMPLOYER_KINDS, 'kind'),
    address: requireNonBlank(input.address, 'address', 200),
    contactPhone: input.contactPhone == null || input.contactPhone === '' ? undefined : requirePhone(input.contactPhone, 'contactPhone'),
    jobsProvided: requireInt(input.jobsProvided, 'jobsProvided', 0, 100_000),
    ...optionalPoint(input.latitude, input.longitude),
  };
  const { doc: employer } = await createOnce<EmployerDoc>(ctx.models.Employer, doc, { idempotencyKey: input.idempotencyKey, caller: actor(ctx), input: doc });
  return employer;
}

export async function createJobPosting(ctx: Context, input: CreateJobPostingInput): Promise<JobPostingDoc> {
  const employerId = assertId(input.employerId, 'employerId');
  const doc = {
    employerId,
    title: requireNonBlank(input.title, 'title', 100),
    openings: requireInt(input.openings, 'openings', 1, 10_000),
    monthlyWage: requireInt(input.monthlyWage, 'monthlyWage', 1, 1_000_000),
    postedOn: requireDate(input.postedOn, 'postedOn'),
    status: 'OPEN',
  };
  if (!(await ctx.loaders.employer.load(employerId))) throw notFound('Employer', employerId, 'employerId');
  const { doc: posting } = await createOnce<JobPostingDoc>(ctx.models.JobPosting, doc, { idempotencyKey: input.idempotencyKey, caller: actor(ctx), input: doc });
  return posting;
}

export async function closeJobPosting(ctx: Context, idArg: string) {
  const id = assertId(idArg, 'id');
  const closed = await locked(ctx, 'posting', id, () =>
    ctx.models.JobPosting.findOneAndUpdate({ _id: id, status: 'OPEN' }, { $set: { status: 'CLOSED' } }, { returnDocument: 'after' }).lean(),
  );
  if (closed) return closed;
  const posting = (await ctx.models.JobPosting.findById(id).lean()) as JobPostingDoc | null;
  if (!posting) throw notFound('JobPosting', id, 'id');
  throw conflict(`only an OPEN posting can be closed (it is ${posting.status})`, { field: 'id' });
}
