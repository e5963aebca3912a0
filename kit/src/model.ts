import { Schema, type Model, type SchemaDefinition } from 'mongoose';
import { newId } from './ids';

/**
 * A department collection: string ids (24-hex, so other departments can check a key's shape), no version key,
 * and `requestFingerprint`, which `createOnce` stores to tell a retry from a reused idempotency key.
 */
export function entitySchema<T extends SchemaDefinition>(collection: string, fields: T) {
  return new Schema({ _id: { type: String, default: newId }, ...fields, requestFingerprint: { type: String } }, { collection, versionKey: false });
}

/**
 * Any department's model, for the kit's generic helpers (loaders, paging, upserts). Mongoose's `Model` is invariant in
 * its document type, so no narrower type accepts every department's models; the helpers type their results themselves.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyModel = Model<any>;
