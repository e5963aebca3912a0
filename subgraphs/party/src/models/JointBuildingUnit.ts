import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

export const JOINT_BUILDING_UNIT_KINDS = [
  'GOVERNMENT_DEPARTMENT',
  'PUBLIC_INSTITUTION',
  'STATE_ENTERPRISE',
  'PRIVATE_ENTERPRISE',
  'SOCIAL_ORGANIZATION',
  'SCHOOL',
  'HOSPITAL',
] as const;

/** 共建单位: a unit that joined the community's 大党委 (the "N" of 1+3+N). */
const jointBuildingUnitSchema = entitySchema('joint_building_units', {
  name: { type: String, required: true },
  kind: { type: String, required: true, enum: JOINT_BUILDING_UNIT_KINDS },
  organizationId: { type: String, required: true }, // the community committee (大党委) it joined
  contactName: { type: String, required: true },
  contactPhone: { type: String, required: true },
  services: { type: [String], default: [] },
  joinedOn: { type: String, required: true },
  createdBy: { type: String },
});
jointBuildingUnitSchema.index({ organizationId: 1, name: 1 }, { unique: true });
jointBuildingUnitSchema.index({ kind: 1, name: 1 });
jointBuildingUnitSchema.index({ name: 1 });
jointBuildingUnitSchema.index({ services: 1 });

export type JointBuildingUnitDoc = InferSchemaType<typeof jointBuildingUnitSchema> & { _id: string };
export const jointBuildingUnitModel = (connection: Connection) => connection.model('JointBuildingUnit', jointBuildingUnitSchema);
