import { entityResolvers, loadReferenced } from '@cg/kit';
import type { Context } from '../context';
import type { JobPostingResolvers } from '../generated/resolvers-types';

export const JobPosting = {
  ...entityResolvers((ctx: Context) => ctx.loaders.jobPosting),
  employer: (posting, _, { loaders }) => loadReferenced(loaders.employer, posting.employerId, 'Employer'),
  filled: (posting) => posting.placedApplicationIds?.length ?? 0,
} satisfies JobPostingResolvers;
