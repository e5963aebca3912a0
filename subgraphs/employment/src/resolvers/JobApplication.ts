import { entityResolvers, reference } from '@cg/kit';
import type { Context } from '../context';
import type { JobApplicationDoc } from '../models/JobApplication';

export const JobApplication = {
  ...entityResolvers((ctx: Context) => ctx.loaders.jobApplication),
  posting: (application: JobApplicationDoc, _: unknown, { loaders }: Context) => loaders.jobPosting.load(application.postingId),
  resident: (application: JobApplicationDoc) => reference(application.residentId),
};
