import type { Resolvers } from '../generated/resolvers-types';
import { CourseEnrolment } from './CourseEnrolment';
import { Employer } from './Employer';
import { EmploymentRecord } from './EmploymentRecord';
import { Estate } from './Estate';
import { JobApplication } from './JobApplication';
import { JobPosting } from './JobPosting';
import { Mutation } from './Mutation';
import { Query } from './Query';
import { Resident } from './Resident';
import { ScopeStatistics } from './ScopeStatistics';
import { TrainingCourse } from './TrainingCourse';
import { WelfareFund } from './WelfareFund';
import { WelfareFundEntry } from './WelfareFundEntry';
import { WelfarePost } from './WelfarePost';

export const resolvers = {
  Query,
  Mutation,
  Employer,
  JobPosting,
  JobApplication,
  EmploymentRecord,
  Estate,
  Resident,
  TrainingCourse,
  CourseEnrolment,
  WelfarePost,
  WelfareFund,
  WelfareFundEntry,
  ScopeStatistics,
} satisfies Resolvers;
