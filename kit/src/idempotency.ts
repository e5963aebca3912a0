import type { AnyModel } from './model';
import { createHash } from 'node:crypto';
import { badInput, conflict } from './errors';
import { newId, stableId } from './ids';

export const isDuplicateKey = (error: unknown) => (error as { code?: number })?.code === 11000;

/** The `_id` `createOnce` gives a record created with `idempotencyKey` (to recognise a retry before writing). */
export const idempotentId = (model: AnyModel, idempotencyKey: string, caller?: string | null) => stableId(model.collection.name, caller ?? 'anonymous', idempotencyKey);

const fingerprint = (input: unknown) => createHash('sha256').update(JSON.stringify(input)).digest('hex').slice(0, 16);

/**
 * Inserts a new record exactly once per idempotency key. The key decides the `_id` (scoped by collection and
 * caller), so the unique `_id` index makes a retry after a lost answer return the first record instead of a second
 * one: no extra collection, no transaction, on MongoDB and FerretDB alike. The same key with a different input is
 * a CONFLICT. Without a key every call creates a new record.
 */
export async function createOnce<T extends { _id: string }>(
  model: AnyModel,
  doc: Record<string, unknown>,
  options: { idempotencyKey?: string | null; caller?: string | null; input?: unknown } = {},
): Promise<{ doc: T; created: boolean }> {
  const { idempotencyKey, caller, input = doc } = options;
  if (idempotencyKey == null) {
    const created = await model.create({ _id: newId(), ...doc });
    return { doc: created.toObject() as T, created: true };
  }
  if (!/^[\w.:-]{8,128}$/.test(idempotencyKey)) {
    throw badInput('idempotencyKey must be 8–128 characters of letters, digits, _ . : -', { field: 'idempotencyKey' });
  }
  const _id = idempotentId(model, idempotencyKey, caller);
  const requestFingerprint = fingerprint(input);
  try {
    const created = await model.create({ ...doc, _id, requestFingerprint });
    return { doc: created.toObject() as T, created: true };
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const existing = (await model.findById(_id).lean()) as (T & { requestFingerprint?: string }) | null;
    if (!existing) throw error;
    if (existing.requestFingerprint !== requestFingerprint) {
      throw conflict('idempotencyKey was already used for a different request', { field: 'idempotencyKey' });
    }
    return { doc: existing, created: false };
  }
}
