import { assertId, badInput, conflict, createOnce, notFound, requireDate, requireNonBlank, requirePhone, trusted } from '@cg/kit';
import type { Context } from './context';
import { locked } from './locks';
import { actor, containsPattern, requireEnum, requireInt, withField } from './input';
import { EMPLOYER_KINDS, POSTING_STATUSES } from './models/enums';
import type { EmployerDoc } from './models/Employer';
import type { JobPostingDoc } from './models/JobPosting';

/** Employers, workshops (就业帮扶车间) and their postings: creation, closing, and the filters of the lists. */

export interface CreateEmployerInput {
  name: string;
  kind: string;
  address: string;
  contactPhone?: string | null;
  jobsProvided: number;
  idempotencyKey?: string | null;
}

export async function createEmployer(ctx: Context, input: CreateEmployerInput): Promise<EmployerDoc> {
  const doc = {
    name: requireNonBlank(input.name, 'name', 100),
    kind: requireEnum(input.kind, EMPLOYER_KINDS, 'kind'),
    address: requireNonBlank(input.address, 'address', 200),
    contactPhone: input.contactPhone == null || input.contactPhone === '' ? undefined : requirePhone(input.contactPhone, 'contactPhone'),
    jobsProvided: requireInt(input.jobsProvided, 'jobsProvided', 0, 100_000),
  };
  const { doc: employer } = await createOnce<EmployerDoc>(ctx.models.Employer, doc, { idempotencyKey: input.idempotencyKey, caller: actor(ctx), input: doc });
  return employer;
}

export interface CreatePostingInput {
  employerId: string;
  title: string;
  openings: number;
  monthlyWage: number;
  postedOn: string;
  idempotencyKey?: string | null;
}

export async function createJobPosting(ctx: Context, input: CreatePostingInput): Promise<JobPostingDoc> {
  const employerId = assertId(input.employerId, 'employerId');
  const doc = {
    employerId,
    title: requireNonBlank(input.title, 'title', 100),
    openings: requireInt(input.openings, 'openings', 1, 10_000),
    monthlyWage: requireInt(input.monthlyWage, 'monthlyWage', 1, 1_000_000),
    postedOn: requireDate(input.postedOn, 'postedOn'),
    status: 'OPEN',
  };
  if (!(await ctx.loaders.employer.load(employerId))) throw withField(notFound('Employer', employerId), 'employerId');
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
  if (!posting) throw withField(notFound('JobPosting', id), 'id');
  throw conflict(`only an OPEN posting can be closed (it is ${posting.status})`, { field: 'id' });
}

export interface PostingFilter {
  status?: string | null;
  employerId?: string | null;
  titleContains?: string | null;
  minWage?: number | null;
  maxWage?: number | null;
}

/** The query filter of `jobPostings`; every value checked, operators built here (trusted). */
export function postingFilter(filter: PostingFilter = {}): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  if (filter.status != null) query.status = requireEnum(filter.status, POSTING_STATUSES, 'filter.status');
  if (filter.employerId != null) query.employerId = assertId(filter.employerId, 'filter.employerId');
  if (filter.titleContains) query.title = containsPattern(requireNonBlank(filter.titleContains, 'filter.titleContains', 50));
  const wage: Record<string, number> = {};
  if (filter.minWage != null) wage.$gte = requireInt(filter.minWage, 'filter.minWage', 0, 1_000_000);
  if (filter.maxWage != null) wage.$lte = requireInt(filter.maxWage, 'filter.maxWage', 0, 1_000_000);
  if (wage.$gte != null && wage.$lte != null && wage.$gte > wage.$lte) {
    throw badInput('filter.minWage must not exceed filter.maxWage', { field: 'filter.maxWage' });
  }
  if (Object.keys(wage).length) query.monthlyWage = trusted(wage);
  return query;
}
