import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

const VISIT_METHODS = ['HOME', 'PHONE', 'HOSPITAL', 'OTHER'] as const;

const visitSchema = entitySchema('visits', {
  residentId: { type: String, required: true },
  gridId: { type: String, required: true },
  visitedOn: { type: String, required: true },
  visitorName: { type: String, required: true },
  method: { type: String, required: true, enum: VISIT_METHODS },
  groups: { type: [String], default: [] },
  answeredEvents: { type: [String], default: [] },
  notes: { type: String },
  recordedBy: { type: String },
});
visitSchema.index({ residentId: 1, visitedOn: -1 });
visitSchema.index({ gridId: 1, visitedOn: -1 });
visitSchema.index({ visitedOn: -1 });

export type VisitDoc = InferSchemaType<typeof visitSchema> & { _id: string };
export const visitModel = (connection: Connection) => connection.model('Visit', visitSchema);
