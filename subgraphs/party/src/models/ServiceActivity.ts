import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

/** The other three quota items: contacting a household, a volunteer service, a suggestion. */
export const ACTIVITY_KINDS = ['HOUSEHOLD_CONTACT', 'VOLUNTEER_SERVICE', 'SUGGESTION'] as const;

const serviceActivitySchema = entitySchema('service_activities', {
  memberId: { type: String, required: true },
  kind: { type: String, required: true, enum: ACTIVITY_KINDS },
  date: { type: String, required: true },
  year: { type: Number, required: true },
  content: { type: String, required: true },
  householdId: { type: String }, // civil affairs' Household, for HOUSEHOLD_CONTACT
  hours: { type: Number }, // for VOLUNTEER_SERVICE
  createdBy: { type: String },
});
serviceActivitySchema.index({ memberId: 1, date: 1 });
serviceActivitySchema.index({ year: 1, memberId: 1, kind: 1 });
serviceActivitySchema.index({ kind: 1, date: 1 });
serviceActivitySchema.index({ date: 1 });

export type ServiceActivityDoc = InferSchemaType<typeof serviceActivitySchema> & { _id: string };
export const serviceActivityModel = (connection: Connection) => connection.model('ServiceActivity', serviceActivitySchema);
