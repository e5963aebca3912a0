import DataLoader from 'dataloader';
import { byIdLoader, manyByFieldLoader, pagedByFieldLoader, trusted } from '@cg/kit';
import { containsPattern } from './inputs';
import type { Models } from './models';
import type { CourseEnrolmentDoc } from './models/CourseEnrolment';
import type { EmployerDoc } from './models/Employer';
import type { EmploymentRecordDoc } from './models/EmploymentRecord';
import type { JobApplicationDoc } from './models/JobApplication';
import type { JobPostingDoc } from './models/JobPosting';
import type { TrainingCourseDoc } from './models/TrainingCourse';
import type { WelfareFundDoc } from './models/WelfareFund';
import type { WelfareFundEntryDoc } from './models/WelfareFundEntry';
import type { WelfarePostDoc } from './models/WelfarePost';

/** How many open postings a resident's suggestions are picked from (newest first). */
const MATCH_POOL = 100;

/** Open postings with an opening left, newest first, per keyword ('' for all): one query per distinct keyword. */
const openPostingsByKeyword = (models: Models) =>
  new DataLoader<string, JobPostingDoc[]>((keywords) =>
    Promise.all(
      keywords.map(
        async (keyword) =>
          (await models.JobPosting.find({ status: 'OPEN', openings: trusted({ $gt: 0 }), ...(keyword ? { title: containsPattern(keyword) } : {}) })
            .sort({ postedOn: -1, _id: 1 })
            .limit(MATCH_POOL)
            .lean()) as unknown as JobPostingDoc[],
      ),
    ),
  );

/** Per request: every entity and list relation batched into one `$in` query per type (a relation's later pages: one query each). */
export const createLoaders = ({ models }: { models: Models }) => {
  const recordsByResident = manyByFieldLoader<EmploymentRecordDoc>(models.EmploymentRecord, 'residentId');
  const applicationsByResident = manyByFieldLoader<JobApplicationDoc>(models.JobApplication, 'residentId');
  return {
    employer: byIdLoader<EmployerDoc>(models.Employer),
    jobPosting: byIdLoader<JobPostingDoc>(models.JobPosting),
    openPostingsByEmployer: pagedByFieldLoader<JobPostingDoc>(models.JobPosting, 'employerId', { postedOn: -1 }, { status: 'OPEN', openings: trusted({ $gt: 0 }) }),
    openPostingsByKeyword: openPostingsByKeyword(models),
    employmentRecord: byIdLoader<EmploymentRecordDoc>(models.EmploymentRecord),
    recordsByResident,
    recordPagesByResident: pagedByFieldLoader<EmploymentRecordDoc>(models.EmploymentRecord, 'residentId', { since: 1 }, {}, recordsByResident),
    applicationPagesByResident: pagedByFieldLoader<JobApplicationDoc>(models.JobApplication, 'residentId', { appliedOn: -1 }, {}, applicationsByResident),
    jobApplication: byIdLoader<JobApplicationDoc>(models.JobApplication),
    applicationsByResident,
    trainingCourse: byIdLoader<TrainingCourseDoc>(models.TrainingCourse),
    courseEnrolment: byIdLoader<CourseEnrolmentDoc>(models.CourseEnrolment),
    enrolmentsByCourse: pagedByFieldLoader<CourseEnrolmentDoc>(models.CourseEnrolment, 'courseId', { enrolledOn: -1 }),
    enrolmentsByResident: pagedByFieldLoader<CourseEnrolmentDoc>(models.CourseEnrolment, 'residentId', { enrolledOn: -1 }),
    welfareFund: byIdLoader<WelfareFundDoc>(models.WelfareFund),
    welfareFundEntry: byIdLoader<WelfareFundEntryDoc>(models.WelfareFundEntry),
    welfarePost: byIdLoader<WelfarePostDoc>(models.WelfarePost),
    postsByHolder: pagedByFieldLoader<WelfarePostDoc>(models.WelfarePost, 'holderResidentId', { title: 1 }),
    postsByFund: pagedByFieldLoader<WelfarePostDoc>(models.WelfarePost, 'fundId', { title: 1 }),
  };
};
export type Loaders = ReturnType<typeof createLoaders>;
