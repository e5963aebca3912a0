import { entityResolvers } from '@cg/kit';
import type { Context } from '../context';
import type { JobPostingDoc } from '../models/JobPosting';

export const JobPosting = {
  ...entityResolvers((ctx: Context) => ctx.loaders.jobPosting),
  employer: (posting: JobPostingDoc, _: unknown, { loaders }: Context) => loaders.employer.load(posting.employerId),
  filled: (posting: JobPostingDoc) => posting.placedApplicationIds?.length ?? 0,
};
