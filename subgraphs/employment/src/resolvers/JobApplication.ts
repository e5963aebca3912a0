import { entityResolvers, loadReferenced, reference } from '@cg/kit';
import type { Context } from '../context';
import type { JobApplicationResolvers } from '../generated/resolvers-types';

export const JobApplication = {
  ...entityResolvers((ctx: Context) => ctx.loaders.jobApplication),
  posting: (application, _, { loaders }) => loadReferenced(loaders.jobPosting, application.postingId, 'JobPosting'),
  resident: (application) => reference(application.residentId),
} satisfies JobApplicationResolvers;
