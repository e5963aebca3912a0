import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';
import { ENROLMENT_STATUSES } from './enums';

const courseEnrolmentSchema = entitySchema('course_enrolments', {
  courseId: { type: String, required: true },
  residentId: { type: String, required: true }, // civil affairs' Resident
  status: { type: String, required: true, enum: ENROLMENT_STATUSES },
  enrolledOn: { type: String, required: true },
  completedOn: { type: String },
  passed: { type: Boolean },
});
// A resident enrols in a course once: the unique index refuses a second enrolment even when two race.
courseEnrolmentSchema.index({ courseId: 1, residentId: 1 }, { unique: true });
courseEnrolmentSchema.index({ residentId: 1, enrolledOn: -1 });

export type CourseEnrolmentDoc = InferSchemaType<typeof courseEnrolmentSchema> & { _id: string };
export const courseEnrolmentModel = (connection: Connection) => connection.model('CourseEnrolment', courseEnrolmentSchema);
