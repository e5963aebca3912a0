import { actor, assertId, badInput, conflict, createOnce, isDuplicateKey, notFound, requireDate, requireEnum, requireNonBlank, trusted } from '@cg/kit';
import type { Context } from './context';
import { locked } from './locks';
import { requireInt, requireNotBefore } from './inputs';
import { COURSE_CATEGORIES } from './models/enums';
import type { CourseEnrolmentDoc } from './models/CourseEnrolment';
import type { TrainingCourseDoc } from './models/TrainingCourse';
import type { CompleteEnrolmentInput, CreateTrainingCourseInput, EnrolInCourseInput } from './generated/resolvers-types';

export async function createTrainingCourse(ctx: Context, input: CreateTrainingCourseInput): Promise<TrainingCourseDoc> {
  const doc = {
    title: requireNonBlank(input.title, 'title', 100),
    category: requireEnum(input.category, COURSE_CATEGORIES, 'category'),
    provider: requireNonBlank(input.provider, 'provider', 100),
    startsOn: requireDate(input.startsOn, 'startsOn'),
    endsOn: requireDate(input.endsOn, 'endsOn'),
    hours: requireInt(input.hours, 'hours', 1, 2000),
    capacity: requireInt(input.capacity, 'capacity', 1, 1000),
  };
  requireNotBefore(doc.endsOn, doc.startsOn, 'endsOn', 'the start');
  const { doc: course } = await createOnce<TrainingCourseDoc>(
    ctx.models.TrainingCourse,
    { ...doc, seatsLeft: doc.capacity, enrolledCount: 0 },
    {
      idempotencyKey: input.idempotencyKey,
      caller: actor(ctx),
      input: doc,
    },
  );
  return course;
}

/** Takes one seat (conditional $inc: never below zero) or gives it back. */
const takeSeat = (ctx: Context, courseId: string) =>
  locked(ctx, 'course', courseId, () =>
    ctx.models.TrainingCourse.findOneAndUpdate(
      { _id: courseId, seatsLeft: trusted({ $gte: 1 }) },
      { $inc: { seatsLeft: -1, enrolledCount: 1 } },
      { returnDocument: 'after' },
    ).lean(),
  );
const giveSeatBack = (ctx: Context, courseId: string) =>
  locked(ctx, 'course', courseId, () => ctx.models.TrainingCourse.updateOne({ _id: courseId }, { $inc: { seatsLeft: 1, enrolledCount: -1 } }));

const alreadyEnrolled = () => conflict('the resident is enrolled in this course already', { field: 'residentId' });

/**
 * Enrolment (培训报名): a seat is taken with a conditional update on the course, so concurrent enrolments never
 * exceed its capacity; the unique (course, resident) index refuses a second enrolment of one resident, and a seat
 * taken for a refused or repeated request is given back.
 */
export async function enrolInCourse(ctx: Context, input: EnrolInCourseInput): Promise<CourseEnrolmentDoc> {
  const courseId = assertId(input.courseId, 'courseId');
  const residentId = assertId(input.residentId, 'residentId');
  const enrolledOn = requireDate(input.enrolledOn, 'enrolledOn');
  const course = (await ctx.models.TrainingCourse.findById(courseId).lean()) as TrainingCourseDoc | null;
  if (!course) throw notFound('TrainingCourse', courseId, 'courseId');
  if (enrolledOn > course.endsOn) throw badInput(`enrolledOn must not be after the course ends (${course.endsOn})`, { field: 'enrolledOn' });
  await ctx.peers.requireEntities('civil-affairs', 'Resident', [residentId], 'residentId');

  const doc = { courseId, residentId, status: 'ENROLLED', enrolledOn };
  const options = { idempotencyKey: input.idempotencyKey, caller: actor(ctx), input: doc };
  const existing = (await ctx.models.CourseEnrolment.findOne({ courseId, residentId }).lean()) as CourseEnrolmentDoc | null;
  if (existing?.status === 'WITHDRAWN') return reEnrol(ctx, existing, enrolledOn, course.capacity);
  if (existing) {
    if (!input.idempotencyKey) throw alreadyEnrolled();
    // createOnce answers the first record for a retry; for another key the unique index refuses it.
    return createEnrolment(ctx, doc, options, false);
  }
  if (!(await takeSeat(ctx, courseId))) throw conflict('the course is full', { field: 'courseId', capacity: course.capacity });
  return createEnrolment(ctx, doc, options, true);
}

/** A resident who withdrew may enrol again: the same record comes back to ENROLLED with a new seat. */
async function reEnrol(ctx: Context, enrolment: CourseEnrolmentDoc, enrolledOn: string, capacity: number) {
  if (!(await takeSeat(ctx, enrolment.courseId))) throw conflict('the course is full', { field: 'courseId', capacity });
  const back = await locked(ctx, 'enrolment', enrolment._id, () =>
    ctx.models.CourseEnrolment.findOneAndUpdate({ _id: enrolment._id, status: 'WITHDRAWN' }, { $set: { status: 'ENROLLED', enrolledOn } }, { returnDocument: 'after' }).lean(),
  );
  if (!back) {
    await giveSeatBack(ctx, enrolment.courseId);
    throw alreadyEnrolled();
  }
  return back as CourseEnrolmentDoc;
}

async function createEnrolment(ctx: Context, doc: Record<string, unknown>, options: Parameters<typeof createOnce>[2], seatTaken: boolean) {
  try {
    const { doc: enrolment, created } = await createOnce<CourseEnrolmentDoc>(ctx.models.CourseEnrolment, doc, options);
    if (seatTaken && !created) await giveSeatBack(ctx, String(doc.courseId));
    return enrolment;
  } catch (error) {
    if (seatTaken) await giveSeatBack(ctx, String(doc.courseId));
    throw isDuplicateKey(error) ? alreadyEnrolled() : error;
  }
}

export async function completeEnrolment(ctx: Context, input: CompleteEnrolmentInput) {
  const id = assertId(input.enrolmentId, 'enrolmentId');
  const completedOn = requireDate(input.completedOn, 'completedOn');
  const enrolment = (await ctx.models.CourseEnrolment.findById(id).lean()) as CourseEnrolmentDoc | null;
  if (!enrolment) throw notFound('CourseEnrolment', id, 'enrolmentId');
  const course = (await ctx.models.TrainingCourse.findById(enrolment.courseId).lean()) as TrainingCourseDoc;
  requireNotBefore(completedOn, course.startsOn, 'completedOn', 'the course start');
  requireNotBefore(completedOn, enrolment.enrolledOn, 'completedOn', 'the enrolment');
  const done = await locked(ctx, 'enrolment', id, () =>
    ctx.models.CourseEnrolment.findOneAndUpdate(
      { _id: id, status: 'ENROLLED' },
      { $set: { status: 'COMPLETED', completedOn, passed: input.passed } },
      { returnDocument: 'after' },
    ).lean(),
  );
  if (!done) throw conflict(`only an ENROLLED enrolment can be completed (it is ${enrolment.status})`, { field: 'enrolmentId' });
  return done;
}

/** Withdrawal frees the seat; the conditional move makes sure a seat is given back once. */
export async function withdrawEnrolment(ctx: Context, idArg: string) {
  const id = assertId(idArg, 'id');
  const withdrawn = (await locked(ctx, 'enrolment', id, () =>
    ctx.models.CourseEnrolment.findOneAndUpdate({ _id: id, status: 'ENROLLED' }, { $set: { status: 'WITHDRAWN' } }, { returnDocument: 'after' }).lean(),
  )) as CourseEnrolmentDoc | null;
  if (!withdrawn) {
    const enrolment = (await ctx.models.CourseEnrolment.findById(id).lean()) as CourseEnrolmentDoc | null;
    if (!enrolment) throw notFound('CourseEnrolment', id, 'id');
    throw conflict(`only an ENROLLED enrolment can be withdrawn (it is ${enrolment.status})`, { field: 'id' });
  }
  await giveSeatBack(ctx, withdrawn.courseId);
  return withdrawn;
}
