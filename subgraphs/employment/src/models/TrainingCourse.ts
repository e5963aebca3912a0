import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';
import { COURSE_CATEGORIES } from './enums';

const trainingCourseSchema = entitySchema('training_courses', {
  title: { type: String, required: true },
  category: { type: String, required: true, enum: COURSE_CATEGORIES },
  provider: { type: String, required: true },
  startsOn: { type: String, required: true },
  endsOn: { type: String, required: true },
  hours: { type: Number, required: true, min: 1 },
  capacity: { type: Number, required: true, min: 1 },
  // Seats are taken and given back with conditional $inc on seatsLeft, so enrolments never exceed capacity.
  seatsLeft: { type: Number, required: true, min: 0 },
  enrolledCount: { type: Number, required: true, min: 0 },
});
trainingCourseSchema.index({ startsOn: 1 });
trainingCourseSchema.index({ category: 1, startsOn: 1 });
trainingCourseSchema.index({ seatsLeft: 1, startsOn: 1 });

export type TrainingCourseDoc = InferSchemaType<typeof trainingCourseSchema> & { _id: string };
export const trainingCourseModel = (connection: Connection) => connection.model('TrainingCourse', trainingCourseSchema);
