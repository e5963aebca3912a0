import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';
import { ARCHIVE_FIELDS } from './archive';

const propertyCompanySchema = entitySchema('property_companies', {
  name: { type: String, required: true },
  isFallbackProvider: { type: Boolean, required: true, default: false },
  ...ARCHIVE_FIELDS,
});
propertyCompanySchema.index({ name: 1 });
propertyCompanySchema.index({ isFallbackProvider: 1, name: 1 });

export type PropertyCompanyDoc = InferSchemaType<typeof propertyCompanySchema> & { _id: string };
export const propertyCompanyModel = (connection: Connection) => connection.model('PropertyCompany', propertyCompanySchema);
