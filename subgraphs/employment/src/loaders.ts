import { byIdLoader, manyByFieldLoader } from '@cg/kit';
import type { Models } from './models';
import type { EmployerDoc } from './models/Employer';
import type { EmploymentRecordDoc } from './models/EmploymentRecord';
import type { JobPostingDoc } from './models/JobPosting';

/** Per request: every entity and list relation batched into one `$in` query per type. */
export const createLoaders = ({ models }: { models: Models }) => ({
  employer: byIdLoader<EmployerDoc>(models.Employer),
  jobPosting: byIdLoader<JobPostingDoc>(models.JobPosting),
  openPostingsByEmployer: manyByFieldLoader<JobPostingDoc>(models.JobPosting, 'employerId', { status: 'OPEN' }),
  employmentRecord: byIdLoader<EmploymentRecordDoc>(models.EmploymentRecord),
  recordsByResident: manyByFieldLoader<EmploymentRecordDoc>(models.EmploymentRecord, 'residentId'),
});
export type Loaders = ReturnType<typeof createLoaders>;
