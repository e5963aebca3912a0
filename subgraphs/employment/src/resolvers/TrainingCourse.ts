import { entityResolvers } from '@cg/kit';
import type { Context } from '../context';
import type { TrainingCourseResolvers } from '../generated/resolvers-types';

export const TrainingCourse = {
  ...entityResolvers((ctx: Context) => ctx.loaders.trainingCourse),
  enrolments: (course, page, { loaders }) => loaders.enrolmentsByCourse(course._id, page),
} satisfies TrainingCourseResolvers;
