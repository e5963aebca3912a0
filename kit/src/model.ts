import { Schema, type SchemaDefinition } from 'mongoose';
import { newId } from './ids';

/** A department collection: string ids (24-hex, so other departments can check a key's shape), no version key. */
export function entitySchema<T extends SchemaDefinition>(collection: string, fields: T) {
  return new Schema({ _id: { type: String, default: newId }, ...fields }, { collection, versionKey: false });
}
