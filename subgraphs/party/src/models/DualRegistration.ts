import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

/** 双报到: an in-service member reports, with the unit they work for, to the community where they live. */
const dualRegistrationSchema = entitySchema('dual_registrations', {
  memberId: { type: String, required: true },
  workUnit: { type: String, required: true },
  communityId: { type: String, required: true }, // civil affairs' Community
  reportedOn: { type: String, required: true },
  createdBy: { type: String },
});
dualRegistrationSchema.index({ memberId: 1, communityId: 1 }, { unique: true });
dualRegistrationSchema.index({ communityId: 1, reportedOn: 1 });
dualRegistrationSchema.index({ reportedOn: 1 });
dualRegistrationSchema.index({ workUnit: 1, reportedOn: 1 });

export type DualRegistrationDoc = InferSchemaType<typeof dualRegistrationSchema> & { _id: string };
export const dualRegistrationModel = (connection: Connection) => connection.model('DualRegistration', dualRegistrationSchema);
