import { Employer } from './Employer';
import { EmploymentRecord } from './EmploymentRecord';
import { JobPosting } from './JobPosting';
import { Query } from './Query';
import { Resident } from './Resident';

export const resolvers = { Query, Employer, JobPosting, EmploymentRecord, Resident };
