import { fetchById } from '@cg/kit';
import type { Context } from '../context';

export const Query = {
  employers: (_: unknown, __: unknown, { models }: Context) => models.Employer.find().sort({ name: 1 }).lean(),
  employer: fetchById((ctx: Context) => ctx.loaders.employer),
  jobPostings: (_: unknown, { status }: { status: string }, { models }: Context) =>
    models.JobPosting.find({ status }).sort({ postedOn: -1, _id: 1 }).lean(),
};
