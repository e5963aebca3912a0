import type { Connection } from 'mongoose';
import { courseEnrolmentModel } from './CourseEnrolment';
import { employerModel } from './Employer';
import { employmentRecordModel } from './EmploymentRecord';
import { jobApplicationModel } from './JobApplication';
import { jobPostingModel } from './JobPosting';
import { trainingCourseModel } from './TrainingCourse';
import { welfareFundModel } from './WelfareFund';
import { welfareFundEntryModel } from './WelfareFundEntry';
import { welfarePostModel } from './WelfarePost';

export const createModels = (connection: Connection) => ({
  Employer: employerModel(connection),
  JobPosting: jobPostingModel(connection),
  EmploymentRecord: employmentRecordModel(connection),
  JobApplication: jobApplicationModel(connection),
  TrainingCourse: trainingCourseModel(connection),
  CourseEnrolment: courseEnrolmentModel(connection),
  WelfareFund: welfareFundModel(connection),
  WelfarePost: welfarePostModel(connection),
  WelfareFundEntry: welfareFundEntryModel(connection),
});
export type Models = ReturnType<typeof createModels>;
