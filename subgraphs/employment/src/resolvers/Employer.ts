import { entityResolvers } from '@cg/kit';
import type { Context } from '../context';
import type { EmployerResolvers } from '../generated/resolvers-types';

const newestFirst = (a: { postedOn: string }, b: { postedOn: string }) => b.postedOn.localeCompare(a.postedOn);

export const Employer = {
  ...entityResolvers((ctx: Context) => ctx.loaders.employer),
  openPostings: async (employer, _, { loaders }) => [...(await loaders.openPostingsByEmployer.load(employer._id))].sort(newestFirst),
} satisfies EmployerResolvers;
