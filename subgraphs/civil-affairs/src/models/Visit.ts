import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

export const VISIT_REASONS = ['EMERGENCY', 'GRIEVANCE', 'FAMILY_DISPUTE', 'POOR_FAMILY', 'HOSPITAL_PATIENT', 'UNABLE_TO_SELF_CARE', 'ELDERLY_ALONE', 'ROUTINE'] as const;

/** A household visit (走访) recorded by a grid worker; created through `createOnce`, so a retry never doubles it. */
export const visitSchema = entitySchema('visits', {
  householdId: { type: String, required: true },
  visitedOn: { type: String, required: true },
  reason: { type: String, required: true, enum: VISIT_REASONS },
  note: { type: String },
  /** `identity.subject` of whoever recorded it; null while requests are anonymous. */
  recordedBy: { type: String },
});
visitSchema.index({ householdId: 1, visitedOn: -1 });

export type VisitDoc = InferSchemaType<typeof visitSchema> & { _id: string };
export const visitModel = (connection: Connection) => connection.model('Visit', visitSchema);
