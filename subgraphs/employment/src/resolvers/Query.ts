import { fetchById, paginate, type PageArgs } from '@cg/kit';
import { postingFilter } from '../catalog';
import type { Context } from '../context';
import { applicationFilter, COURSE_SORTS, courseFilter, employerFilter, POSTING_SORTS, sortOf, welfarePostFilter } from '../filters';

type ListArgs = { filter?: Record<string, any> | null; sort?: string | null } & PageArgs;

export const Query = {
  employers: (_: unknown, { filter, first, after }: ListArgs, { models }: Context) =>
    paginate(models.Employer, employerFilter(filter), { name: 1 }, { first, after }),
  employer: fetchById((ctx: Context) => ctx.loaders.employer),
  jobPostings: (_: unknown, { filter, sort, first, after }: ListArgs, { models }: Context) =>
    paginate(models.JobPosting, postingFilter(filter ?? {}), sortOf(POSTING_SORTS, sort, 'POSTED_NEWEST'), { first, after }),
  jobPosting: fetchById((ctx: Context) => ctx.loaders.jobPosting),
  jobApplications: (_: unknown, { filter, first, after }: ListArgs, { models }: Context) =>
    paginate(models.JobApplication, applicationFilter(filter), { appliedOn: -1 }, { first, after }),
  jobApplication: fetchById((ctx: Context) => ctx.loaders.jobApplication),
  trainingCourses: (_: unknown, { filter, sort, first, after }: ListArgs, { models }: Context) =>
    paginate(models.TrainingCourse, courseFilter(filter), sortOf(COURSE_SORTS, sort, 'STARTS_SOONEST'), { first, after }),
  trainingCourse: fetchById((ctx: Context) => ctx.loaders.trainingCourse),
  courseEnrolment: fetchById((ctx: Context) => ctx.loaders.courseEnrolment),
  welfarePosts: (_: unknown, { filter, first, after }: ListArgs, { models }: Context) =>
    paginate(models.WelfarePost, welfarePostFilter(filter), { title: 1 }, { first, after }),
  welfarePost: fetchById((ctx: Context) => ctx.loaders.welfarePost),
  welfareFunds: (_: unknown, __: unknown, { models }: Context) => models.WelfareFund.find().sort({ name: 1 }).lean().exec(),
  welfareFund: fetchById((ctx: Context) => ctx.loaders.welfareFund),
};
