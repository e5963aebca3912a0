import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

export const gridSchema = entitySchema('grids', {
  code: { type: String, required: true },
  name: { type: String, required: true },
  communityId: { type: String, required: true },
  leaderName: { type: String, required: true },
});
gridSchema.index({ code: 1 }, { unique: true });
gridSchema.index({ communityId: 1, code: 1 });

export type GridDoc = InferSchemaType<typeof gridSchema> & { _id: string };
export const gridModel = (connection: Connection) => connection.model('Grid', gridSchema);
