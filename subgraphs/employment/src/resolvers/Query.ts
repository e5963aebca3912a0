import { fetchById, paginate, pickSort } from '@cg/kit';
import type { Context } from '../context';
import type { QueryResolvers } from '../generated/resolvers-types';
import { applicationFilter, COURSE_SORTS, courseFilter, employerFilter, POSTING_SORTS, postingFilter, welfarePostFilter } from '../lists';
import type { EmployerDoc } from '../models/Employer';
import type { JobApplicationDoc } from '../models/JobApplication';
import type { JobPostingDoc } from '../models/JobPosting';
import type { TrainingCourseDoc } from '../models/TrainingCourse';
import type { WelfarePostDoc } from '../models/WelfarePost';

export const Query = {
  employers: (_, { filter, first, after }, { models }) => paginate<EmployerDoc>(models.Employer, employerFilter(filter), { name: 1 }, { first, after }),
  employer: fetchById((ctx: Context) => ctx.loaders.employer),
  jobPostings: (_, { filter, sort, first, after }, { models }) =>
    paginate<JobPostingDoc>(models.JobPosting, postingFilter(filter ?? {}), pickSort(POSTING_SORTS, sort, 'POSTED_NEWEST'), { first, after }),
  jobPosting: fetchById((ctx: Context) => ctx.loaders.jobPosting),
  jobApplications: (_, { filter, first, after }, { models }) => paginate<JobApplicationDoc>(models.JobApplication, applicationFilter(filter), { appliedOn: -1 }, { first, after }),
  jobApplication: fetchById((ctx: Context) => ctx.loaders.jobApplication),
  trainingCourses: (_, { filter, sort, first, after }, { models }) =>
    paginate<TrainingCourseDoc>(models.TrainingCourse, courseFilter(filter), pickSort(COURSE_SORTS, sort, 'STARTS_SOONEST'), { first, after }),
  trainingCourse: fetchById((ctx: Context) => ctx.loaders.trainingCourse),
  courseEnrolment: fetchById((ctx: Context) => ctx.loaders.courseEnrolment),
  welfarePosts: (_, { filter, first, after }, { models }) => paginate<WelfarePostDoc>(models.WelfarePost, welfarePostFilter(filter), { title: 1 }, { first, after }),
  welfarePost: fetchById((ctx: Context) => ctx.loaders.welfarePost),
  welfareFunds: (_, __, { models }) => models.WelfareFund.find().sort({ name: 1 }).lean().exec(),
  welfareFund: fetchById((ctx: Context) => ctx.loaders.welfareFund),
} satisfies QueryResolvers;
