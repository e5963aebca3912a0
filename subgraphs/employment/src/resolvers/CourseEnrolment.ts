import { entityResolvers, loadReferenced, reference } from '@cg/kit';
import type { Context } from '../context';
import type { CourseEnrolmentResolvers } from '../generated/resolvers-types';

export const CourseEnrolment = {
  ...entityResolvers((ctx: Context) => ctx.loaders.courseEnrolment),
  course: (enrolment, _, { loaders }) => loadReferenced(loaders.trainingCourse, enrolment.courseId, 'TrainingCourse'),
  resident: (enrolment) => reference(enrolment.residentId),
} satisfies CourseEnrolmentResolvers;
