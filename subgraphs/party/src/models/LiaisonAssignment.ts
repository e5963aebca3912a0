import type { Connection, InferSchemaType } from 'mongoose';
import { Schema } from 'mongoose';
import { entitySchema } from '@cg/kit';

export const LIAISON_KINDS = ['COUNTY_LEADER', 'DEPARTMENT'] as const;

const scoreSchema = new Schema(
  {
    period: { type: String, required: true },
    score: { type: Number, required: true },
    comment: { type: String },
    scoredOn: { type: String, required: true },
    scoredBy: { type: String },
  },
  { _id: false },
);

/** 包联: a county leader or department assigned to a community, scored by the community party organisation. */
const liaisonAssignmentSchema = entitySchema('liaison_assignments', {
  kind: { type: String, required: true, enum: LIAISON_KINDS },
  liaisonName: { type: String, required: true }, // the leader's name or the department's
  title: { type: String }, // e.g. 副县长, 县民政局
  communityId: { type: String, required: true }, // civil affairs' Community
  organizationId: { type: String, required: true }, // the community party organisation that scores
  startOn: { type: String, required: true },
  endOn: { type: String },
  // One score per period (YYYY or YYYY-Qn), appended atomically with a filter on the period.
  scores: { type: [scoreSchema], default: [] },
  createdBy: { type: String },
});
liaisonAssignmentSchema.index({ communityId: 1, startOn: 1 });
liaisonAssignmentSchema.index({ organizationId: 1, startOn: 1 });
liaisonAssignmentSchema.index({ kind: 1, startOn: 1 });
liaisonAssignmentSchema.index({ startOn: 1 });

export type LiaisonAssignmentDoc = InferSchemaType<typeof liaisonAssignmentSchema> & { _id: string };
export const liaisonAssignmentModel = (connection: Connection) => connection.model('LiaisonAssignment', liaisonAssignmentSchema);
