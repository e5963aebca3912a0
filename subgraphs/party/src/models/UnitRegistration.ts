import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';
import { JOINT_BUILDING_UNIT_KINDS } from './JointBuildingUnit';

/** 单位党组织报到: a unit's party organisation reports to a community, with the posts and commitments it takes on. */
const unitRegistrationSchema = entitySchema('unit_registrations', {
  unitName: { type: String, required: true },
  organizationName: { type: String, required: true },
  kind: { type: String, required: true, enum: JOINT_BUILDING_UNIT_KINDS },
  communityId: { type: String, required: true }, // civil affairs' Community
  reportedOn: { type: String, required: true },
  memberCount: { type: Number, required: true },
  postIds: { type: [String], default: [] },
  commitments: { type: [String], default: [] },
  jointBuildingUnitId: { type: String },
  createdBy: { type: String },
});
unitRegistrationSchema.index({ communityId: 1, unitName: 1 }, { unique: true });
unitRegistrationSchema.index({ reportedOn: -1 });
unitRegistrationSchema.index({ communityId: 1, reportedOn: -1 });
unitRegistrationSchema.index({ kind: 1, reportedOn: -1 });

export type UnitRegistrationDoc = InferSchemaType<typeof unitRegistrationSchema> & { _id: string };
export const unitRegistrationModel = (connection: Connection) => connection.model('UnitRegistration', unitRegistrationSchema);
