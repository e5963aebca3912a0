import path from 'node:path';
import { defineDepartment } from '@cg/kit';
import { createLoaders } from './loaders';
import { createModels } from './models';
import { resolvers } from './resolvers';

/** __Title__: built by the kit from this folder's schema, models, loaders and resolvers. */
export const department = defineDepartment({
  name: '__name__',
  schemaPath: path.join(__dirname, '..', 'schema.graphql'),
  resolvers,
  createModels,
  createLoaders,
});
