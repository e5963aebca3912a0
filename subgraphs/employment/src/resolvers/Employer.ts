import { entityResolvers } from '@cg/kit';
import type { Context } from '../context';
import type { EmployerResolvers } from '../generated/resolvers-types';

export const Employer = {
  ...entityResolvers((ctx: Context) => ctx.loaders.employer),
  openPostings: (employer, page, { loaders }) => loaders.openPostingsByEmployer(employer._id, page),
} satisfies EmployerResolvers;
