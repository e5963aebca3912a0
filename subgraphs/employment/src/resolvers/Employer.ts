import { entityResolvers } from '@cg/kit';
import type { Context } from '../context';
import type { EmployerDoc } from '../models/Employer';

const newestFirst = (a: { postedOn: string }, b: { postedOn: string }) => b.postedOn.localeCompare(a.postedOn);

export const Employer = {
  ...entityResolvers((ctx: Context) => ctx.loaders.employer),
  openPostings: async (employer: EmployerDoc, _: unknown, { loaders }: Context) =>
    [...(await loaders.openPostingsByEmployer.load(employer._id))].sort(newestFirst),
};
