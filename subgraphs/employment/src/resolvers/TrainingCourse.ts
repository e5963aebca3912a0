import { entityResolvers } from '@cg/kit';
import type { Context } from '../context';
import type { TrainingCourseDoc } from '../models/TrainingCourse';

export const TrainingCourse = {
  ...entityResolvers((ctx: Context) => ctx.loaders.trainingCourse),
  enrolments: (course: TrainingCourseDoc, _: unknown, { loaders }: Context) => loaders.enrolmentsByCourse.load(course._id),
};
