import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

/** 交叉任职: one person, a post in the community committee and one at a property company. */
const crossAppointmentSchema = entitySchema('cross_appointments', {
  personName: { type: String, required: true },
  phone: { type: String, required: true },
  residentId: { type: String }, // civil affairs' Resident, when registered
  direction: { type: String, required: true, enum: ['COMMUNITY_TO_COMPANY', 'COMPANY_TO_COMMUNITY'] },
  communityId: { type: String, required: true }, // civil affairs' Community
  communityPost: { type: String, required: true },
  propertyCompanyId: { type: String, required: true },
  companyPost: { type: String, required: true },
  startOn: { type: String, required: true },
  endOn: { type: String },
  createdBy: { type: String },
});
crossAppointmentSchema.index({ startOn: -1 });
crossAppointmentSchema.index({ propertyCompanyId: 1, startOn: -1 });
crossAppointmentSchema.index({ communityId: 1, startOn: -1 });

export type CrossAppointmentDoc = InferSchemaType<typeof crossAppointmentSchema> & { _id: string };
export const crossAppointmentModel = (connection: Connection) => connection.model('CrossAppointment', crossAppointmentSchema);
