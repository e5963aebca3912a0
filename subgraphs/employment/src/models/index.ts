import type { Connection } from 'mongoose';
import { employerModel } from './Employer';
import { employmentRecordModel } from './EmploymentRecord';
import { jobPostingModel } from './JobPosting';

export const createModels = (connection: Connection) => ({
  Employer: employerModel(connection),
  JobPosting: jobPostingModel(connection),
  EmploymentRecord: employmentRecordModel(connection),
});
export type Models = ReturnType<typeof createModels>;
