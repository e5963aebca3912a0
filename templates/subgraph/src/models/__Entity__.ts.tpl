import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

export const __entity__Schema = entitySchema('__collection__', {
  residentId: { type: String, required: true }, // civil affairs' Resident
  summary: { type: String, required: true },
  occurredOn: { type: String, required: true },
  recordedBy: { type: String },
});
// Behind Resident.__entities__ (the loader's $in on residentId) and the newest-first page.
__entity__Schema.index({ residentId: 1, occurredOn: -1 });
__entity__Schema.index({ occurredOn: -1, _id: 1 });

export type __Entity__Doc = InferSchemaType<typeof __entity__Schema> & { _id: string };
export const __entity__Model = (connection: Connection) => connection.model('__Entity__', __entity__Schema);
