import type { Connection } from 'mongoose';
import { __entity__Model } from './__Entity__';

export const createModels = (connection: Connection) => ({
  __Entity__: __entity__Model(connection),
});
export type Models = ReturnType<typeof createModels>;
