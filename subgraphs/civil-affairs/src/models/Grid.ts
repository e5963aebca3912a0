import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

const GRID_LEVELS = ['GRID', 'BUILDING', 'ENTRANCE'] as const;
const GRID_WORKER_ROLES = ['GRID_WORKER', 'BUILDING_HEAD', 'ENTRANCE_HEAD', 'VOLUNTEER'] as const;

const gridSchema = entitySchema('grids', {
  code: { type: String, required: true },
  name: { type: String, required: true },
  communityId: { type: String, required: true },
  // Missing on grids written before the four-level chain: read as GRID (see resolvers/Grid.ts).
  level: { type: String, enum: GRID_LEVELS },
  parentId: { type: String },
  // Top-down ids of the nodes above (not the community), so a subtree is one indexed query.
  ancestorIds: { type: [String], default: undefined },
  leaderName: { type: String, required: true },
  workers: {
    type: [{ _id: false, name: { type: String, required: true }, role: { type: String, required: true, enum: GRID_WORKER_ROLES }, phone: String }],
    default: undefined,
  },
});
gridSchema.index({ code: 1 }, { unique: true });
gridSchema.index({ communityId: 1, code: 1 });
gridSchema.index({ parentId: 1, code: 1 });
gridSchema.index({ level: 1, code: 1 });

export type GridDoc = InferSchemaType<typeof gridSchema> & { _id: string };
export const gridModel = (connection: Connection) => connection.model('Grid', gridSchema);
