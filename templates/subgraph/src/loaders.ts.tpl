import { byIdLoader, manyByFieldLoader } from '@cg/kit';
import type { Models } from './models';
import type { __Entity__Doc } from './models/__Entity__';

/** Per request: every entity and list relation batched into one `$in` query per type. */
export const createLoaders = ({ models }: { models: Models }) => ({
  __entity__: byIdLoader<__Entity__Doc>(models.__Entity__),
  __entities__ByResident: manyByFieldLoader<__Entity__Doc>(models.__Entity__, 'residentId'),
});
export type Loaders = ReturnType<typeof createLoaders>;
