import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';
import { MUST_GO_EVENTS, VULNERABILITY_FLAGS } from '../care';

/**
 * SENSITIVE (敏感个人信息). One per resident with vulnerability flags or open must-go events: the flags and the
 * visit schedule live on one document, so every change is one conditional update on `revision`.
 */
const careProfileSchema = entitySchema('care_profiles', {
  residentId: { type: String, required: true },
  gridId: { type: String, required: true },
  communityId: { type: String, required: true },
  flags: { type: [{ type: String, enum: VULNERABILITY_FLAGS }], default: [] },
  // Must-visit groups derived from flags, stored so the overdue list can filter by group with an index.
  groups: { type: [String], default: [] },
  flaggedOn: { type: String, required: true },
  lastVisitedOn: { type: String },
  openEvents: {
    type: [{ _id: { type: String, required: true }, event: { type: String, required: true, enum: MUST_GO_EVENTS }, occurredOn: String, dueBy: String, note: String }],
    default: [],
  },
  // Absent when no visit is required, so `$lt` never matches it.
  nextVisitDue: { type: String },
  revision: { type: Number, required: true, default: 0 },
});
careProfileSchema.index({ residentId: 1 }, { unique: true });
careProfileSchema.index({ nextVisitDue: 1 });
careProfileSchema.index({ gridId: 1, nextVisitDue: 1 });
careProfileSchema.index({ communityId: 1, nextVisitDue: 1 });
careProfileSchema.index({ flags: 1 });
careProfileSchema.index({ groups: 1, nextVisitDue: 1 });

export type CareProfileDoc = InferSchemaType<typeof careProfileSchema> & { _id: string };
export const careProfileModel = (connection: Connection) => connection.model('CareProfile', careProfileSchema);
