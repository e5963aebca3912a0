import { entityResolvers, reference } from '@cg/kit';
import type { Context } from '../context';
import type { CourseEnrolmentDoc } from '../models/CourseEnrolment';

export const CourseEnrolment = {
  ...entityResolvers((ctx: Context) => ctx.loaders.courseEnrolment),
  course: (enrolment: CourseEnrolmentDoc, _: unknown, { loaders }: Context) => loaders.trainingCourse.load(enrolment.courseId),
  resident: (enrolment: CourseEnrolmentDoc) => reference(enrolment.residentId),
};
